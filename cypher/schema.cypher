// CoordScope schema: applied at every start; every statement is idempotent (IF NOT EXISTS).
// Ids are unique per dataset, so re-importing a file MERGEs onto the same nodes.

CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (d:Dataset) REQUIRE d.name IS UNIQUE;
CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE (a.id, a.dataset) IS UNIQUE;
CREATE CONSTRAINT tweet_id IF NOT EXISTS FOR (t:Tweet) REQUIRE (t.id, t.dataset) IS UNIQUE;
CREATE CONSTRAINT link_url IF NOT EXISTS FOR (l:Link) REQUIRE (l.url, l.dataset) IS UNIQUE;
CREATE CONSTRAINT domain_name IF NOT EXISTS FOR (d:Domain) REQUIRE (d.name, d.dataset) IS UNIQUE;
CREATE CONSTRAINT hashtag_tag IF NOT EXISTS FOR (h:Hashtag) REQUIRE (h.tag, h.dataset) IS UNIQUE;
CREATE CONSTRAINT image_hash IF NOT EXISTS FOR (i:Image) REQUIRE (i.hash, i.dataset) IS UNIQUE;

CREATE INDEX account_screen_name IF NOT EXISTS FOR (a:Account) ON (a.screenName);
// No index on `dataset` alone: the planner preferred it to the composite (id, dataset) index for
// id lookups, scanning a whole dataset per row. Counting a dataset scans its label instead.

// Detection results: runs and clusters by id, clusters and coordination edges by run (for listing and deleting).
CREATE CONSTRAINT detection_run_id IF NOT EXISTS FOR (r:DetectionRun) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (c:Cluster) REQUIRE c.id IS UNIQUE;
CREATE INDEX cluster_run IF NOT EXISTS FOR (c:Cluster) ON (c.run);
CREATE INDEX coordinated_run IF NOT EXISTS FOR ()-[r:COORDINATED]-() ON (r.run);

// Triage: investigators' marks and the allowlist, keyed so they outlive detection runs.
CREATE CONSTRAINT mark_target IF NOT EXISTS FOR (m:Mark) REQUIRE (m.targetType, m.targetId, m.dataset) IS UNIQUE;
CREATE CONSTRAINT allowlisted_account IF NOT EXISTS FOR (w:Allowlisted) REQUIRE (w.dataset, w.accountId) IS UNIQUE;

// Users of the server (security.UserService): one node per user name.
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE;
// The name in lower case: user names are unique without regard to case (ADMIN cannot join admin).
CREATE CONSTRAINT user_username_key IF NOT EXISTS FOR (u:User) REQUIRE u.usernameKey IS UNIQUE;

// Search: screen and display names by word prefix, any case; hashtags and URLs by substring.
CREATE FULLTEXT INDEX account_names IF NOT EXISTS FOR (a:Account) ON EACH [a.screenName, a.displayName];
CREATE TEXT INDEX hashtag_tag_text IF NOT EXISTS FOR (h:Hashtag) ON (h.tag);
CREATE TEXT INDEX link_url_text IF NOT EXISTS FOR (l:Link) ON (l.url);
CREATE INDEX account_created IF NOT EXISTS FOR (a:Account) ON (a.createdAt);

// Audit trail: append-only entries, their rising seq unique (security.AuditLog takes it; no counter node).
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at);
