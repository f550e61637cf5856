// title: Thông tin mâu thuẫn về ngày ban hành
// description: Documents cited with different dates, or cited with a date that differs from their own: one of
//   the sources has a typo or two documents share a symbol. With the document's own date and where it came
//   from, the dates cited, the citing documents, and the conflicts the link pass recorded on the document.
// params: none
MATCH (c:Document)-[r:IMPLEMENTS|CITES]->(d:Document)
WHERE r.date IS NOT NULL
WITH d, collect(DISTINCT r.date) AS cited_dates, collect(DISTINCT c.symbol) AS cited_by
WHERE size(cited_dates) > 1 OR (d.date IS NOT NULL AND any(x IN cited_dates WHERE x <> d.date))
RETURN d.symbol AS symbol, d.date AS own_date, d.date_source AS own_date_source, cited_dates, cited_by,
       d.conflicts AS recorded_conflicts, d.status AS status, d.uid AS uid
ORDER BY symbol
