// title: Two-step co-action neighbourhood of an account
// description: An account, the accounts it co-acted with in a run and theirs, as a graph of coordination
// edges at or above a weight, heaviest first.
// param: account string -- the account's id
// param: dataset string = null -- its dataset (needed when the id is in several)
// param: run string = null -- the detection run (the newest finished run of the dataset when left out)
// param: minWeight float = 0.0 -- leave out lighter edges
// param: limit int = 300 -- at most this many edges
// returns: graph
MATCH (d:Dataset) WHERE $dataset IS NULL OR d.name = $dataset
MATCH (a:Account {id: $account, dataset: d.name})
MATCH (r:DetectionRun {dataset: d.name, status: 'DONE'})
WHERE $run IS NULL OR r.id = $run
WITH a, r ORDER BY r.startedAt DESC LIMIT 1
MATCH (a)-[e1:COORDINATED {run: r.id}]-(b:Account)
WHERE e1.weight >= $minWeight
OPTIONAL MATCH (b)-[e2:COORDINATED {run: r.id}]-(c:Account)
WHERE e2.weight >= $minWeight AND c <> a
WITH a, b, e1, c, e2
ORDER BY e1.weight DESC, e2.weight DESC
LIMIT $limit
RETURN a AS account, e1 AS edge, b AS neighbour, e2 AS nextEdge, c AS nextNeighbour,
       round(e1.weight, 3) AS weight, round(e2.weight, 3) AS nextWeight
