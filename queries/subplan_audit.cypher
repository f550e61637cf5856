// title: Kiểm tra việc ban hành kế hoạch của đơn vị cấp dưới
// description: Units a plan ordered to issue their own plan (one row per unit, groups already expanded), with
//   the sub-plan found and its status on the chosen date. A sub-plan is a loaded document that IMPLEMENTS the
//   plan and is issued by the unit or one of its parts (its Ban Thường vụ), or, for a group, by a member; the
//   earliest one dated on or before the audit date counts. Status: on_time, late, missing (deadline passed and
//   none found), not_yet_due, issued (found, no deadline or no date to judge it by), not_found (none, and no
//   deadline), units_not_listed (a collective the gazetteer cannot list unit by unit). A unit that did not exist
//   while the order ran (valid_from after the deadline, or valid_to before the plan) is left out.
// params: plan (symbol, the ordering plan: a symbol such as 60-KH/TU or a document uid),
//   as_of (date, the audit date, default today)
MATCH (p:Document {uid: $plan})
MATCH (p)-[r:REQUIRES_SUBPLAN]->(u)
WHERE (u.valid_from IS NULL OR u.valid_from <= coalesce(r.deadline, p.date, u.valid_from))
  AND (u.valid_to IS NULL OR p.date IS NULL OR u.valid_to >= p.date)
OPTIONAL MATCH (c:Document)-[:IMPLEMENTS]->(p), (c)-[:ISSUED_BY]->(:Organ)-[:PART_OF*0..3]->(o)
WHERE (o = u OR (o)-[:MEMBER_OF]->(u)) AND c.status = 'loaded' AND (c.date IS NULL OR c.date <= $as_of)
WITH p, r, u, c
ORDER BY c.date
WITH p, r, u, collect(DISTINCT c) AS found
WITH p, r, u, found, CASE WHEN size(found) > 0 THEN found[0] END AS sub
RETURN p.symbol AS plan, r.task_path AS paragraph, u.name AS unit,
       CASE WHEN 'OrganGroup' IN labels(u) THEN 'collective' WHEN u.resolved = false THEN 'unresolved'
         ELSE 'organ' END AS unit_kind,
       r.via_group AS via_group, r.deadline AS deadline, r.deadline_text AS deadline_text,
       sub.symbol AS subplan, sub.date AS subplan_date, size(found) AS subplans_found,
       CASE
         WHEN 'OrganGroup' IN labels(u) THEN 'units_not_listed'
         WHEN sub IS NOT NULL AND (r.deadline IS NULL OR sub.date IS NULL) THEN 'issued'
         WHEN sub IS NOT NULL AND sub.date <= r.deadline THEN 'on_time'
         WHEN sub IS NOT NULL THEN 'late'
         WHEN r.deadline IS NULL THEN 'not_found'
         WHEN r.deadline < $as_of THEN 'missing'
         ELSE 'not_yet_due'
       END AS status,
       r.src AS src, p.uid AS plan_uid, u.uid AS unit_uid, sub.uid AS subplan_uid
ORDER BY plan, paragraph, via_group, unit
