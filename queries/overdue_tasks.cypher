// title: Nhiệm vụ quá hạn
// description: Tasks whose deadline passed before the chosen date and that do not recur (a recurring task such
//   as "thực hiện thường xuyên" is never overdue), with the document, paragraph and lead organs. The graph holds
//   no report documents against tasks yet, so every such task is listed.
// params: as_of (date, the day the deadlines are judged on, default today)
MATCH (t:Task)
WHERE t.deadline IS NOT NULL AND t.deadline < $as_of AND t.recurrence IS NULL
MATCH (d:Document {uid: t.owner})
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(o)
WHERE a.role = 'lead'
RETURN d.symbol AS document, t.path AS path, t.deadline AS deadline, t.deadline_text AS deadline_text,
       collect(DISTINCT o.name) AS lead, substring(t.text, 0, 240) AS text, t.src AS src
ORDER BY deadline, document, path
