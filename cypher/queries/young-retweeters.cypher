// title: Young accounts with a high retweet ratio
// description: Accounts that began posting soon after they were created and mostly retweet: the profile of
// freshly made amplifier accounts.
// param: dataset string = null -- the dataset (all when left out)
// param: maxAgeDays int = 30 -- at most this many days between creation and first post
// param: minRatio float = 0.8 -- at least this share of their posts are retweets
// param: minPosts int = 5 -- at least this many posts
// param: limit int = 100 -- how many accounts
MATCH (d:Dataset) WHERE $dataset IS NULL OR d.name = $dataset
MATCH (a:Account {dataset: d.name})
WHERE a.createdAt IS NOT NULL
CALL (a) {
  MATCH (a)-[:POSTED]->(t:Tweet) WHERE t.createdAt IS NOT NULL
  RETURN count(t) AS posts, count(CASE WHEN t.isRetweet THEN 1 END) AS retweets, min(t.createdAt) AS firstPost
}
WITH a, posts, retweets, firstPost, duration.inDays(a.createdAt, firstPost).days AS ageDays
WHERE posts >= $minPosts AND toFloat(retweets) / posts >= $minRatio AND ageDays <= $maxAgeDays
RETURN a.id AS account, a.screenName AS screenName, a.createdAt AS createdAt, ageDays AS ageAtFirstPostDays,
       posts, retweets, round(toFloat(retweets) / posts, 3) AS retweetRatio
ORDER BY retweetRatio DESC, posts DESC, account
LIMIT $limit
