package org.coordscope.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.coordscope.web.Page;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * One search box for accounts (exact id, or screen/display name by word prefix in any case through the
 * {@code account_names} full-text index), hashtags (prefix, with or without {@code #}) and links (URL substring,
 * through a text index). Hits come in that order: exact ids, names, hashtags, links.
 */
@Service
public class SearchService {

    /** Lucene's query syntax characters, escaped so that the user's text is only ever a term. */
    private static final Pattern LUCENE_SPECIAL = Pattern.compile("([+\\-&|!(){}\\[\\]^\"~*?:\\\\/])");

    private static final String EXACT = """
            MATCH (d:Dataset) WHERE $dataset IS NULL OR d.name = $dataset
            MATCH (a:Account {id: $q, dataset: d.name})
            """;
    private static final String NAMES = """
            CALL db.index.fulltext.queryNodes('account_names', $lucene) YIELD node AS a, score
            WHERE ($dataset IS NULL OR a.dataset = $dataset) AND a.id <> $q
            """;
    private static final String TAGS = """
            MATCH (h:Hashtag) WHERE h.tag STARTS WITH $tag AND ($dataset IS NULL OR h.dataset = $dataset)
            """;
    private static final String LINKS = """
            MATCH (l:Link) WHERE l.url CONTAINS $q AND ($dataset IS NULL OR l.dataset = $dataset)
            """;

    private final Driver driver;

    public SearchService(Driver driver) {
        this.driver = driver;
    }

    /** A hit: {@code type} account, hashtag or link; {@code detail} a line the UI shows under the label. */
    public record Hit(String type, String id, String label, String dataset, String detail) {}

    public Page<Hit> search(String q, String dataset, Page.Request page) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q is required: a screen name, account id, hashtag or part of a URL");
        }
        String text = q.strip();
        Map<String, Object> params = new HashMap<>();
        params.put("q", text);
        params.put("dataset", dataset == null || dataset.isBlank() ? null : dataset);
        params.put("lucene", lucene(text));
        params.put("tag", (text.startsWith("#") ? text.substring(1) : text).toLowerCase(Locale.ROOT));
        params.put("want", page.skip() + page.size());
        try (var session = driver.session()) {
            return session.executeRead(tx -> {
                long total = 0;
                List<Hit> hits = new ArrayList<>();
                total += collect(tx, EXACT, """
                        RETURN 'account' AS type, a.id AS id, coalesce(a.screenName, a.id) AS label,
                               a.dataset AS dataset, 'exact id' + coalesce(' · ' + a.displayName, '') AS detail
                        ORDER BY dataset LIMIT $want
                        """, params, hits);
                total += collect(tx, NAMES, """
                        RETURN 'account' AS type, a.id AS id, coalesce(a.screenName, a.id) AS label,
                               a.dataset AS dataset, a.displayName AS detail
                        ORDER BY score DESC, a.screenName, a.id LIMIT $want
                        """, params, hits);
                total += collect(tx, TAGS, """
                        WITH h, COUNT { (h)<-[:TAGS]-() } AS posts
                        RETURN 'hashtag' AS type, h.tag AS id, '#' + h.tag AS label, h.dataset AS dataset,
                               posts + ' posts' AS detail
                        ORDER BY posts DESC, id LIMIT $want
                        """, params, hits);
                total += collect(tx, LINKS, """
                        WITH l, COUNT { (l)<-[:LINKS_TO]-() } AS posts
                        RETURN 'link' AS type, l.url AS id, l.url AS label, l.dataset AS dataset,
                               posts + ' posts' AS detail
                        ORDER BY posts DESC, id LIMIT $want
                        """, params, hits);
                int from = (int) Math.min(hits.size(), page.skip());
                int to = (int) Math.min(hits.size(), page.skip() + page.size());
                return page.answer(List.copyOf(hits.subList(from, to)), total);
            });
        }
    }

    /** Appends one kind's first hits, returns how many there are in all. */
    private static long collect(
            TransactionContext tx, String match, String ret, Map<String, Object> params, List<Hit> hits) {
        long n =
                tx.run(match + "RETURN count(*) AS n", params).single().get("n").asLong();
        if (n > 0) {
            hits.addAll(tx.run(match + ret, params)
                    .list(r -> new Hit(
                            r.get("type").asString(),
                            r.get("id").asString(),
                            r.get("label").asString(),
                            r.get("dataset").asString(null),
                            r.get("detail").asString(null))));
        }
        return n;
    }

    /** Every word a prefix, all words required: {@code "Jane D"} becomes {@code jane* AND d*}. */
    static String lucene(String text) {
        List<String> terms = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty()) {
                terms.add(LUCENE_SPECIAL.matcher(word).replaceAll("\\\\$1") + "*");
            }
        }
        return String.join(" AND ", terms);
    }
}
