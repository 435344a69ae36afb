// title: Accounts a cluster mentions most
// description: Whom a cluster's members address or amplify by mention: the targets of a harassment campaign or
// the figures an operation promotes, by how many members mention each.
// param: cluster string -- the cluster id
// param: minAccounts int = 2 -- mentioned by at least this many members
// param: limit int = 50 -- how many accounts
MATCH (c:Cluster {id: $cluster})<-[:IN_CLUSTER]-(a:Account)-[:POSTED]->(t:Tweet)-[:MENTIONS]->(target:Account)
WITH c, target, count(DISTINCT a) AS accounts, count(t) AS posts
WHERE accounts >= $minAccounts
RETURN target.id AS account, target.screenName AS screenName, accounts AS mentionedBy, posts,
       EXISTS { (target)-[:IN_CLUSTER]->(c) } AS member
ORDER BY mentionedBy DESC, posts DESC, account
LIMIT $limit
