// title: Thông tin mâu thuẫn về ngày ban hành
// description: Văn bản được dẫn chiếu với các ngày khác nhau, hoặc với ngày khác ngày ghi trên văn bản: một nguồn
//   ghi nhầm, hoặc hai văn bản trùng số, ký hiệu. Kèm ngày ghi trên văn bản và nguồn của ngày đó, các ngày theo
//   trích dẫn, các văn bản dẫn chiếu và các mâu thuẫn đã ghi nhận khi liên kết.
// params: none
MATCH (c:Document)-[r:IMPLEMENTS|CITES]->(d:Document)
WHERE r.date IS NOT NULL
WITH d, collect(DISTINCT r.date) AS cited_dates, collect(DISTINCT c.symbol) AS cited_by
WHERE size(cited_dates) > 1 OR (d.date IS NOT NULL AND any(x IN cited_dates WHERE x <> d.date))
RETURN d.symbol AS symbol, d.date AS own_date, d.date_source AS own_date_source, cited_dates, cited_by,
       d.conflicts AS recorded_conflicts, d.status AS status, d.uid AS uid
ORDER BY symbol
