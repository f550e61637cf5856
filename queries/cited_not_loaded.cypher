// title: Văn bản được dẫn chiếu nhưng chưa có trong kho
// description: Văn bản chỉ được biết qua trích dẫn trong các văn bản đã nạp (chỉ được dẫn chiếu): chuỗi văn bản
//   dừng hoặc có khoảng trống ở đó cho tới khi nạp nội dung. Kèm ngày và cơ quan ban hành theo trích dẫn, và các
//   văn bản đã dẫn chiếu.
// params: none
MATCH (d:Document)
WHERE d.status = 'cited'
OPTIONAL MATCH (c:Document)-[r:IMPLEMENTS|CITES]->(d)
RETURN d.symbol AS symbol, d.type_name AS type, d.date AS date, collect(DISTINCT r.issuer) AS issuer_as_cited,
       d.title AS title, count(DISTINCT c) AS times_cited, collect(DISTINCT c.symbol) AS cited_by, d.uid AS uid
ORDER BY times_cited DESC, symbol
