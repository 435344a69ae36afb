// title: Accounts that retweet an account within a minute, repeatedly
// description: Accounts that retweeted the given account's posts within a few seconds of posting, again and
// again: a sign of automation or an amplification team. Posts known only by id (no time) are skipped.
// param: account string -- the amplified account's id (as in the source)
// param: dataset string = null -- its dataset (needed when the id is in several)
// param: seconds int = 60 -- at most this many seconds after the post
// param: minTimes int = 3 -- at least this many fast retweets
// param: limit int = 100 -- how many accounts
MATCH (d:Dataset) WHERE $dataset IS NULL OR d.name = $dataset
MATCH (author:Account {id: $account, dataset: d.name})-[:POSTED]->(orig:Tweet)<-[:RETWEETS]-(rt:Tweet)
      <-[:POSTED]-(a:Account)
WHERE orig.createdAt IS NOT NULL AND rt.createdAt IS NOT NULL AND a <> author
WITH a, duration.inSeconds(orig.createdAt, rt.createdAt).seconds AS delay
WITH a, count(*) AS retweets, count(CASE WHEN delay >= 0 AND delay <= $seconds THEN 1 END) AS fast,
     percentileDisc(delay, 0.5) AS medianDelaySeconds
WHERE fast >= $minTimes
RETURN a.id AS account, a.screenName AS screenName, fast AS fastRetweets, retweets, medianDelaySeconds
ORDER BY fastRetweets DESC, medianDelaySeconds, account
LIMIT $limit
