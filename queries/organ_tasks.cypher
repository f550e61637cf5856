// title: Nhiệm vụ được giao cho cơ quan và thời hạn
// description: Nhiệm vụ giao cho một cơ quan (chủ trì hoặc phối hợp), kèm văn bản và mục, thời hạn (ngày và
//   nguyên văn), tính định kỳ, và đã quá hạn hay chưa tính đến ngày chọn (nhiệm vụ thường xuyên không bao giờ quá hạn).
// params: organ (string, một phần tên cơ quan, ví dụ Ban Nội chính),
//   as_of (date, ngày xét thời hạn, default today)
MATCH (t:Task)-[a:ASSIGNED_TO]->(o:Organ)
WHERE toLower(o.name) CONTAINS toLower($organ) OR o.uid = $organ
MATCH (d:Document {uid: t.owner})
RETURN o.name AS organ, a.role AS role, d.symbol AS document, t.path AS path, t.deadline AS deadline,
       t.deadline_text AS deadline_text, t.recurrence AS recurrence,
       CASE WHEN t.deadline IS NOT NULL AND t.recurrence IS NULL AND t.deadline < date($as_of) THEN true ELSE false END
         AS overdue,
       substring(t.text, 0, 240) AS text, t.src AS src
ORDER BY organ, document, path, role
