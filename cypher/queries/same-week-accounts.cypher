// title: Accounts created in the same week as a cluster's members
// description: Accounts outside a cluster whose creation falls in a week (Monday to Sunday, UTC) in which
// members of the cluster were created: candidates for the same batch of registrations.
// param: cluster string -- the cluster id
// param: minMembers int = 2 -- weeks in which at least this many members were created
// param: limit int = 200 -- how many accounts
MATCH (c:Cluster {id: $cluster})<-[:IN_CLUSTER]-(m:Account)
WHERE m.createdAt IS NOT NULL
WITH c, date.truncate('week', m.createdAt) AS week, count(m) AS members
WHERE members >= $minMembers
CALL (c, week) {
  WITH c, datetime({date: week, timezone: 'UTC'}) AS weekStart
  MATCH (a:Account)
  WHERE a.createdAt >= weekStart AND a.createdAt < weekStart + duration('P7D')
  RETURN a, a.createdAt AS createdAt
}
WITH c, week, members, a, createdAt
WHERE a.dataset = c.dataset AND NOT (a)-[:IN_CLUSTER]->(c)
RETURN a.id AS account, a.screenName AS screenName, createdAt, toString(week) AS week,
       members AS membersCreatedThatWeek,
       [(a)-[:IN_CLUSTER]->(o:Cluster {run: c.run}) | o.id][0] AS clusterInSameRun
ORDER BY createdAt, account
LIMIT $limit
