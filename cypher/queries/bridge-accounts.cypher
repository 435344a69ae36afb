// title: Accounts bridging two clusters
// description: Accounts with coordination edges (in the clusters' run) to members of both clusters: the
// accounts that tie two operations together, with how many members of each they co-acted with.
// param: clusterA string -- one cluster id
// param: clusterB string -- another cluster id of the same run
// param: limit int = 50 -- how many accounts
MATCH (ca:Cluster {id: $clusterA}), (cb:Cluster {id: $clusterB})
WHERE ca.run = cb.run
MATCH (ca)<-[:IN_CLUSTER]-(ma:Account)-[ea:COORDINATED {run: ca.run}]-(x:Account)
WITH ca, cb, x, count(DISTINCT ma) AS withA, sum(ea.weight) AS weightA
MATCH (x)-[eb:COORDINATED {run: ca.run}]-(mb:Account)-[:IN_CLUSTER]->(cb)
WITH ca, x, withA, weightA, count(DISTINCT mb) AS withB, sum(eb.weight) AS weightB
RETURN x.id AS account, x.screenName AS screenName, withA, withB,
       round(weightA, 3) AS weightToA, round(weightB, 3) AS weightToB,
       [(x)-[:IN_CLUSTER]->(own:Cluster {run: ca.run}) | own.id][0] AS ownCluster
ORDER BY withA * withB DESC, weightA + weightB DESC, account
LIMIT $limit
