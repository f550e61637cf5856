// title: Cơ quan chưa xác định được trong danh mục
// description: Tên cơ quan xuất hiện trong văn bản mà danh mục cơ quan chưa có, kèm số lần và vai trò (ban hành,
//   được giao, nơi nhận…) và nơi xuất hiện (văn bản, dòng): danh sách để người quản lý danh mục data/organs/ rà soát.
// params: none
MATCH (o:Organ)
WHERE o.resolved = false
OPTIONAL MATCH (x)-[r]->(o)
RETURN o.name AS name, o.scope AS scope, count(r) AS mentions, collect(DISTINCT type(r)) AS relations,
       collect(DISTINCT coalesce(x.symbol, x.src)) AS seen_at, o.uid AS uid
ORDER BY mentions DESC, name
