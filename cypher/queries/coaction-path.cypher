// title: Shortest co-action path between two accounts
// description: The shortest chain of coordination edges (of one detection run) linking two accounts, at most
// eight hops: how an account far from a cluster is still tied to it.
// param: from string -- the first account's id
// param: to string -- the second account's id
// param: dataset string = null -- their dataset (needed when an id is in several)
// param: run string = null -- the detection run (the newest finished run of the dataset when left out)
// returns: graph
MATCH (d:Dataset) WHERE $dataset IS NULL OR d.name = $dataset
MATCH (a:Account {id: $from, dataset: d.name}), (b:Account {id: $to, dataset: d.name})
MATCH (r:DetectionRun {dataset: d.name, status: 'DONE'})
WHERE $run IS NULL OR r.id = $run
WITH a, b, r ORDER BY r.startedAt DESC LIMIT 1
MATCH p = shortestPath((a)-[:COORDINATED*..8]-(b))
WHERE all(e IN relationships(p) WHERE e.run = r.id)
RETURN p AS path, length(p) AS hops, [n IN nodes(p) | coalesce(n.screenName, n.id)] AS accounts,
       [e IN relationships(p) | round(e.weight, 3)] AS weights
