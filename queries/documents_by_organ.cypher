// title: Văn bản theo cơ quan ban hành
// description: Văn bản do một cơ quan hoặc bộ phận của cơ quan đó ban hành (văn bản của Ban Thường vụ Đảng ủy Khối
//   được tính cho Đảng ủy Khối), cũ trước mới sau. Cơ quan được tìm theo một phần tên chuẩn, không phân biệt
//   chữ hoa, có dấu.
// params: organ (string, một phần tên cơ quan, ví dụ Đảng ủy Khối)
MATCH (d:Document)-[:ISSUED_BY]->(issuer:Organ)-[:PART_OF*0..3]->(o:Organ)
WHERE toLower(o.name) CONTAINS toLower($organ) OR o.uid = $organ
RETURN DISTINCT o.name AS organ, d.symbol AS symbol, d.type_name AS type, d.date AS date, d.title AS title,
       issuer.name AS issued_by, d.status AS status, d.uid AS uid
ORDER BY organ, date, symbol
