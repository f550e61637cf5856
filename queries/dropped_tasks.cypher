// title: Nhiệm vụ của văn bản cấp trên chưa được văn bản cấp dưới cụ thể hóa
// description: Tasks of a parent document that no paragraph of a child document carries down (no DERIVED_FROM
//   edge from a child task), with the organ the task was addressed to when it sits under an organ's heading
//   (such tasks are that organ's, not necessarily the child's).
// params: parent (symbol, the parent document: a symbol such as 60-KH/TU or a uid),
//   child (symbol, the child document: a symbol such as 80-KH/ĐUK or a uid),
//   kind (string, task kind to check: task, purpose, organisation or all, default task)
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
