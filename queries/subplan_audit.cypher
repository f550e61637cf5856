// title: Kiểm tra việc ban hành kế hoạch của đơn vị cấp dưới
// description: Đơn vị được một kế hoạch giao xây dựng kế hoạch của mình (mỗi đơn vị một dòng, các nhóm đã được
//   tách ra), kèm kế hoạch tìm thấy và tình trạng tính đến ngày chọn. Kế hoạch của đơn vị là văn bản đã nạp thực
//   hiện kế hoạch giao và do đơn vị, một bộ phận của đơn vị trong danh mục, một thành viên của nhóm, hoặc cơ quan
//   cùng khóa nhận diện với đơn vị trong cùng tỉnh ban hành (Ban Thường vụ X và X cùng một khóa, không cần danh
//   mục ghi từng Ban Thường vụ); tính văn bản sớm nhất có ngày không muộn hơn ngày xét. Tình trạng (mã):
//   on_time đúng hạn, late chậm, missing chưa ban hành (đã quá hạn), not_yet_due chưa đến hạn, issued đã ban
//   hành (không có thời hạn để đối chiếu), not_found chưa thấy (không quy định thời hạn), units_not_listed chưa
//   xác minh (chưa có danh sách đơn vị).
//   Đơn vị không tồn tại trong thời gian thực hiện yêu cầu thì không được liệt kê.
// params: plan (symbol, văn bản giao: số, ký hiệu như 60-KH/TU),
//   as_of (date, ngày xét, default today)
MATCH (p:Document {uid: $plan})
WITH p WHERE (p)-[:REQUIRES_SUBPLAN]->()  // a plan that orders nothing has nothing to audit: its children are not read
// each plan's children are read once, with the units they count for (their issuer, the bodies it is part of,
// the groups those are members of), earliest first; then each ordered unit takes the children that count for it
OPTIONAL MATCH (c:Document)-[:IMPLEMENTS]->(p)
WHERE c.status = 'loaded' AND (c.date IS NULL OR c.date <= date($as_of))
OPTIONAL MATCH (c)-[:ISSUED_BY]->()-[:PART_OF*0..3]->(o)  // an issuer is an organ: no label to check
OPTIONAL MATCH (o)-[:MEMBER_OF]->(g)
WITH p, c, collect(DISTINCT o.uid) + collect(DISTINCT g.uid) AS reach
ORDER BY c.date
WITH p, collect(CASE WHEN c IS NOT NULL THEN {doc: c, reach: reach} END) AS children
MATCH (p)-[r:REQUIRES_SUBPLAN]->(u)
WHERE (u.valid_from IS NULL OR u.valid_from <= coalesce(r.deadline, p.date, u.valid_from))
  AND (u.valid_to IS NULL OR p.date IS NULL OR u.valid_to >= p.date)
WITH p, r, u, [x IN children WHERE u.uid IN x.reach
                 OR (x.doc.issuer_key IS NOT NULL AND x.doc.issuer_key = u.issuer_key AND x.doc.scope = u.scope)
               | x.doc] AS found
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
         WHEN r.deadline < date($as_of) THEN 'missing'
         ELSE 'not_yet_due'
       END AS status,
       r.src AS src, p.uid AS plan_uid, u.uid AS unit_uid, sub.uid AS subplan_uid
ORDER BY plan, paragraph, via_group, unit
