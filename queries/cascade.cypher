// title: Chuỗi văn bản triển khai dưới một văn bản
// description: Mọi văn bản triển khai văn bản đã chọn, trực tiếp hoặc qua các kế hoạch trung gian (chuỗi quan hệ
//   "thực hiện"), với cấp trong chuỗi (chuỗi dài nhất tới văn bản gốc: 27-NQ/TW → 11-KH/TW → 60-KH/TU → 80-KH/ĐUK
//   cho 1, 2, 3), cơ quan ban hành và ngày, văn bản đã nạp hay chỉ được dẫn chiếu, và văn bản cấp trên trực tiếp.
// params: document (symbol, văn bản gốc: số, ký hiệu như 27-NQ/TW)
MATCH (root:Document {uid: $document})
MATCH chain = (d:Document)-[:IMPLEMENTS*1..8]->(root)
WITH root, d, max(length(chain)) AS depth
OPTIONAL MATCH (d)-[cp:IMPLEMENTS]->(parent:Document)
WHERE cp.cascade_parent = true
OPTIONAL MATCH (d)-[:ISSUED_BY]->(issuer:Organ)
RETURN root.symbol AS root_symbol, depth, d.symbol AS symbol, d.type_name AS type, d.date AS date,
       issuer.name AS issuer, d.status AS status, parent.symbol AS cascade_parent, d.uid AS uid
ORDER BY root_symbol, depth, date, symbol
