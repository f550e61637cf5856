// title: Dữ kiện đã được sửa hoặc chấp nhận khi rà soát
// description: Every document and task a reviewer corrected or accepted (graph.corrections): which fields, who
//   and when; with the corrections that no longer match the text (stale), for an auditor's report.
// params: none
MATCH (n)
WHERE (n:Document OR n:Task) AND (n.corrected IS NOT NULL OR n.accepted IS NOT NULL
      OR n.stale_corrections IS NOT NULL)
OPTIONAL MATCH (d:Document {uid: n.owner})
RETURN coalesce(d.symbol, n.owner) AS document, CASE WHEN n:Task THEN n.path ELSE '' END AS task,
       n.corrected AS corrected, n.accepted AS accepted, n.corrected_by AS corrected_by,
       n.corrected_at AS corrected_at, n.stale_corrections AS stale, n.uid AS uid
ORDER BY document, task
