// title: Cơ quan chưa xác định được trong danh mục
// description: Organ names seen in the documents that the gazetteer does not know (resolved = false), with how
//   often and as what (issuer, assignee, recipient…) they occur and where (document, or document and line): the
//   review list for whoever maintains data/organs/.
// params: none
MATCH (o:Organ)
WHERE o.resolved = false
OPTIONAL MATCH (x)-[r]->(o)
RETURN o.name AS name, o.scope AS scope, count(r) AS mentions, collect(DISTINCT type(r)) AS relations,
       collect(DISTINCT coalesce(x.symbol, x.src)) AS seen_at, o.uid AS uid
ORDER BY mentions DESC, name
