// title: Nhiệm vụ được giao cho cơ quan và thời hạn
// description: Tasks assigned to an organ (as lead or as coordinating organ), with the document and paragraph,
//   the deadline as a date and as printed, the recurrence, and whether the deadline has passed on the chosen
//   date (recurring tasks are never overdue).
// params: organ (string, part of the organ's name or its uid, e.g. Ban Nội chính),
//   as_of (date, the day the deadlines are judged on, default today)
MATCH (t:Task)-[a:ASSIGNED_TO]->(o:Organ)
WHERE toLower(o.name) CONTAINS toLower($organ) OR o.uid = $organ
MATCH (d:Document {uid: t.owner})
RETURN o.name AS organ, a.role AS role, d.symbol AS document, t.path AS path, t.deadline AS deadline,
       t.deadline_text AS deadline_text, t.recurrence AS recurrence,
       CASE WHEN t.deadline IS NOT NULL AND t.recurrence IS NULL AND t.deadline < $as_of THEN true ELSE false END
         AS overdue,
       substring(t.text, 0, 240) AS text, t.src AS src
ORDER BY organ, document, path, role
