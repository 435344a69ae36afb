// title: Top amplifiers of a hashtag
// description: The accounts that posted or retweeted a hashtag most often in a time range, with how many of
// those posts were retweets and when they first and last used it.
// param: tag string -- the hashtag, with or without #, any case
// param: from datetime = 1970-01-01 -- start of the range (UTC, inclusive)
// param: to datetime = 2100-01-01 -- end of the range (UTC, exclusive)
// param: dataset string = null -- the dataset (all when left out)
// param: limit int = 25 -- how many accounts
MATCH (d:Dataset) WHERE $dataset IS NULL OR d.name = $dataset
MATCH (h:Hashtag {tag: toLower(CASE WHEN $tag STARTS WITH '#' THEN substring($tag, 1) ELSE $tag END), dataset: d.name})
MATCH (h)<-[:TAGS]-(t:Tweet)<-[:POSTED]-(a:Account)
WHERE t.createdAt >= $from AND t.createdAt < $to
WITH a, count(t) AS posts, count(CASE WHEN t.isRetweet THEN 1 END) AS retweets,
     min(t.createdAt) AS firstAt, max(t.createdAt) AS lastAt
RETURN a.id AS account, a.screenName AS screenName, a.dataset AS dataset, posts, retweets, firstAt, lastAt
ORDER BY posts DESC, account
LIMIT $limit
