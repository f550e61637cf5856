// title: Chuỗi văn bản triển khai dưới một văn bản
// description: Every document that carries out the given document, directly or through intermediate plans
//   (chains of IMPLEMENTS), with its depth in the cascade (the longest chain down to the root: 27-NQ/TW → 11-KH/TW
//   → 60-KH/TU → 80-KH/ĐUK gives 1, 2, 3), its issuer and date, whether its text is loaded or only cited, and the
//   document it names as its direct parent.
// params: document (symbol, the root: a symbol such as 27-NQ/TW or a document uid)
MATCH (root:Document {uid: $document})
MATCH chain = (d:Document)-[:IMPLEMENTS*1..8]->(root)
WITH root, d, max(length(chain)) AS depth
OPTIONAL MATCH (d)-[cp:IMPLEMENTS]->(parent:Document)
WHERE cp.cascade_parent = true
OPTIONAL MATCH (d)-[:ISSUED_BY]->(issuer:Organ)
RETURN root.symbol AS root_symbol, depth, d.symbol AS symbol, d.type_name AS type, d.date AS date,
       issuer.name AS issuer, d.status AS status, parent.symbol AS cascade_parent, d.uid AS uid
ORDER BY root_symbol, depth, date, symbol
