// title: Links a cluster pushed
// description: URLs the members of a cluster posted, by how many members posted each, with the times and how
// many posts in the whole dataset carry the link (a link few others shared is the cluster's own).
// param: cluster string -- the cluster id
// param: minAccounts int = 2 -- links posted by at least this many members
// param: limit int = 50 -- how many links
MATCH (c:Cluster {id: $cluster})<-[:IN_CLUSTER]-(a:Account)-[:POSTED]->(t:Tweet)-[:LINKS_TO]->(l:Link)
WITH l, count(DISTINCT a) AS accounts, count(t) AS posts, min(t.createdAt) AS firstAt, max(t.createdAt) AS lastAt
WHERE accounts >= $minAccounts
RETURN l.url AS url, l.domain AS domain, accounts, posts, firstAt, lastAt,
       COUNT { (l)<-[:LINKS_TO]-() } AS postsInDataset
ORDER BY accounts DESC, posts DESC, url
LIMIT $limit
