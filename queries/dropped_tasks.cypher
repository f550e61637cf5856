// title: Nhiệm vụ của văn bản cấp trên chưa được văn bản cấp dưới cụ thể hóa
// description: Nhiệm vụ của văn bản cấp trên mà không đoạn nào của văn bản cấp dưới cụ thể hóa, kèm cơ quan được
//   giao khi nhiệm vụ nằm dưới tên một cơ quan (nhiệm vụ đó là của cơ quan ấy, không hẳn của văn bản cấp dưới).
// params: parent (symbol, văn bản cấp trên: số, ký hiệu như 60-KH/TU),
//   child (symbol, văn bản cấp dưới: số, ký hiệu như 80-KH/ĐUK),
//   kind (string, loại nhiệm vụ cần xét: task là nhiệm vụ, purpose là mục đích yêu cầu, organisation là tổ chức thực hiện, all là tất cả, default task)
MATCH (pd:Document {uid: $parent}), (cd:Document {uid: $child})
MATCH (pt:Task {owner: $parent})
WHERE pt.kind = $kind OR $kind = 'all'
OPTIONAL MATCH (ct:Task {owner: $child})-[:DERIVED_FROM]->(pt)
WITH pd, cd, pt, count(ct) AS carried
WHERE carried = 0
OPTIONAL MATCH (pt)-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN pd.symbol AS parent, cd.symbol AS child, pt.path AS path, pt.kind AS kind,
       collect(DISTINCT o.name) AS lead,
       collect(DISTINCT CASE WHEN a.inherited = true THEN o.name END) AS addressed_to,
       pt.deadline AS deadline, substring(pt.text, 0, 240) AS text, pt.src AS src
ORDER BY parent, child, path
