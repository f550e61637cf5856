// title: Văn bản theo cơ quan ban hành
// description: Documents issued by an organ or by one of its parts, at any depth (a document of the Ban Thường vụ
//   Đảng ủy Khối counts for the Đảng ủy Khối and for the Tỉnh ủy), newest last. The organ is matched by a piece of its canonical name, any case,
//   with its diacritics, or by its uid.
// params: organ (string, part of the organ's name or its uid, e.g. Đảng ủy Khối)
MATCH (d:Document)-[:ISSUED_BY]->(issuer:Organ)-[:PART_OF*0..3]->(o:Organ)
WHERE toLower(o.name) CONTAINS toLower($organ) OR o.uid = $organ
RETURN DISTINCT o.name AS organ, d.symbol AS symbol, d.type_name AS type, d.date AS date, d.title AS title,
       issuer.name AS issued_by, d.status AS status, d.uid AS uid
ORDER BY organ, date, symbol
