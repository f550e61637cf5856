// title: Nhiệm vụ quá hạn
// description: Nhiệm vụ có thời hạn trước ngày chọn và không định kỳ (nhiệm vụ "thực hiện thường xuyên" không bao
//   giờ quá hạn), kèm văn bản, mục và cơ quan chủ trì. Kho chưa có văn bản báo cáo kết quả, nên mọi nhiệm vụ như
//   vậy đều được liệt kê.
// params: as_of (date, ngày xét thời hạn, default today)
MATCH (t:Task)
WHERE t.deadline IS NOT NULL AND t.deadline < date($as_of) AND t.recurrence IS NULL
MATCH (d:Document {uid: t.owner})
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN d.symbol AS document, t.path AS path, t.deadline AS deadline, t.deadline_text AS deadline_text,
       collect(DISTINCT o.name) AS lead, substring(t.text, 0, 240) AS text, t.src AS src
ORDER BY deadline, document, path
