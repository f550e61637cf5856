// title: Văn bản được dẫn chiếu nhưng chưa có trong kho
// description: Documents known only from citations in loaded documents (status cited): the cascade stops or has
//   a gap there until their text is loaded. With the date and issuer as cited, and which documents cite them.
// params: none
MATCH (d:Document)
WHERE d.status = 'cited'
OPTIONAL MATCH (c:Document)-[r:IMPLEMENTS|CITES]->(d)
RETURN d.symbol AS symbol, d.type_name AS type, d.date AS date, collect(DISTINCT r.issuer) AS issuer_as_cited,
       d.title AS title, count(DISTINCT c) AS times_cited, collect(DISTINCT c.symbol) AS cited_by, d.uid AS uid
ORDER BY times_cited DESC, symbol
