package org.coordscope.ingest.write;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.read.Urls;

/**
 * How canonical records become nodes and relationships: the one mapping behind both writers, the driver's
 * {@link GraphWriter} and the offline {@link BulkImporter}, so both build the same graph from the same files.
 *
 * <p>A record is told to a {@link Target} as node and relationship events. A node event with properties means
 * "this node, with these values on top of what it has" ({@code SET n += props}); without, "this node exists"
 * (a post known only as a retweet's original, an account known only as a mention). A relationship event may
 * repeat; a target keeps one per (type, from, to), as {@code MERGE} does.
 */
final class GraphShape {

    /** The node kinds of an import, with the property that identifies them within a dataset. */
    enum Node {
        ACCOUNT("Account", "id"),
        TWEET("Tweet", "id"),
        LINK("Link", "url"),
        DOMAIN("Domain", "name"),
        HASHTAG("Hashtag", "tag"),
        IMAGE("Image", "hash");

        final String label;
        final String key;

        Node(String label, String key) {
            this.label = label;
            this.key = key;
        }
    }

    /** The relationship types of an import, with the kinds they join. */
    enum Rel {
        POSTED(Node.ACCOUNT, Node.TWEET),
        RETWEETS(Node.TWEET, Node.TWEET),
        QUOTES(Node.TWEET, Node.TWEET),
        REPLIES_TO(Node.TWEET, Node.TWEET),
        MENTIONS(Node.TWEET, Node.ACCOUNT),
        LINKS_TO(Node.TWEET, Node.LINK),
        ON_DOMAIN(Node.TWEET, Node.DOMAIN),
        TAGS(Node.TWEET, Node.HASHTAG),
        SHOWS(Node.TWEET, Node.IMAGE);

        final Node from;
        final Node to;

        Rel(Node from, Node to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Receives the graph of records. */
    interface Target {

        /** An account or a tweet, with properties to add (possibly none). */
        void node(Node kind, String key, Map<String, Object> props);

        /** A link, with its domain (set once, when the link is new). */
        void link(String url, String domain);

        /** A node identified by its key alone (domain, hashtag, image). */
        void keyed(Node kind, String key);

        void relationship(Rel type, String from, String to);
    }

    private GraphShape() {}

    static void account(AccountRecord account, Target target) {
        target.node(Node.ACCOUNT, account.id(), accountProps(account));
    }

    static void post(PostRecord post, Target target) {
        String id = post.id();
        account(post.author(), target);
        target.node(Node.TWEET, id, postProps(post));
        target.relationship(Rel.POSTED, post.author().id(), id);
        reference(target, Rel.RETWEETS, id, post.retweetOf(), post.retweetOfAuthor());
        reference(target, Rel.QUOTES, id, post.quoteOf(), null);
        reference(target, Rel.REPLIES_TO, id, post.replyTo(), post.replyToAuthor());
        for (String url : distinct(post.urls())) {
            String normalized = Urls.normalize(url);
            String domain = Urls.domain(normalized);
            target.link(normalized, domain);
            target.relationship(Rel.LINKS_TO, id, normalized);
            if (domain != null) {
                target.keyed(Node.DOMAIN, domain);
                target.relationship(Rel.ON_DOMAIN, id, domain);
            }
        }
        for (String domain : distinct(post.domains())) {
            String folded = domain.toLowerCase(Locale.ROOT);
            target.keyed(Node.DOMAIN, folded);
            target.relationship(Rel.ON_DOMAIN, id, folded);
        }
        for (String tag : distinct(post.hashtags())) {
            String folded = foldTag(tag);
            if (!folded.isEmpty()) {
                target.keyed(Node.HASHTAG, folded);
                target.relationship(Rel.TAGS, id, folded);
            }
        }
        for (String hash : distinct(post.imageHashes())) {
            target.keyed(Node.IMAGE, hash);
            target.relationship(Rel.SHOWS, id, hash);
        }
        for (String mentioned : distinct(post.mentionIds())) {
            target.node(Node.ACCOUNT, mentioned, Map.of());
            target.relationship(Rel.MENTIONS, id, mentioned);
        }
    }

    /** A referenced post may be known only by id, and its author only by id. */
    private static void reference(Target target, Rel type, String id, String referenced, String author) {
        if (referenced == null || referenced.isBlank()) {
            return;
        }
        target.node(Node.TWEET, referenced, Map.of());
        target.relationship(type, id, referenced);
        if (author != null && !author.isBlank()) {
            target.node(Node.ACCOUNT, author, Map.of());
            target.relationship(Rel.POSTED, author, referenced);
        }
    }

    private static Set<String> distinct(Iterable<String> values) {
        Set<String> set = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                set.add(value.strip());
            }
        }
        return set;
    }

    /** Hashtags are case-folded: #Vote and #VOTE are one campaign. */
    private static String foldTag(String tag) {
        return (tag.startsWith("#") ? tag.substring(1) : tag).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> accountProps(AccountRecord a) {
        Map<String, Object> props = new HashMap<>();
        put(props, "screenName", a.screenName());
        put(props, "displayName", a.displayName());
        put(props, "createdAt", a.createdAt());
        put(props, "followers", a.followers());
        put(props, "following", a.following());
        put(props, "lang", a.lang());
        put(props, "location", a.location());
        put(props, "description", a.description());
        put(props, "profileUrl", a.profileUrl());
        return props;
    }

    private static Map<String, Object> postProps(PostRecord p) {
        Map<String, Object> props = new HashMap<>();
        put(props, "createdAt", p.createdAt());
        put(props, "text", p.text());
        put(props, "lang", p.lang());
        put(props, "client", p.client());
        put(props, "source", p.source());
        if (p.retweetOf() != null && !p.retweetOf().isBlank()) {
            props.put("isRetweet", true);
        }
        if (!p.mentionNames().isEmpty()) {
            props.put("mentionNames", List.copyOf(distinct(p.mentionNames())));
        }
        return props;
    }

    /** Null and empty values are left out, so they never overwrite a stored value; instants are stored in UTC. */
    private static void put(Map<String, Object> props, String key, Object value) {
        if (value instanceof Instant instant) {
            props.put(key, instant.atZone(ZoneOffset.UTC));
        } else if (value instanceof String s) {
            if (!s.isEmpty()) {
                props.put(key, s);
            }
        } else if (value != null) {
            props.put(key, value);
        }
    }
}
