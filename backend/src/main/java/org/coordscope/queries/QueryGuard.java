package org.coordscope.queries;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.driver.summary.Plan;

/**
 * What the console and the saved queries may not do besides writing (issue 19), checked before and after Neo4j plans
 * a query:
 * <ul>
 * <li>nesting deeper than {@value #MAX_DEPTH} brackets, or a chain of more than {@value #MAX_DEPTH} {@code NOT}s, is
 * refused from the text, before Neo4j parses it (its parser recurses, and 300 levels overflowed its stack and hung
 * the request past the timeout);</li>
 * <li>administration commands ({@code SHOW … / TERMINATE TRANSACTIONS}, settings, users, databases) and every
 * procedure but a few that describe the schema ({@code dbms.listConfig}, {@code dbms.*}, {@code db.stats.*} …) are
 * refused;</li>
 * <li>the {@code :User} nodes (user names, roles, password hashes) are out of reach: users are isolated nodes, so a
 * query reaches them only by their label, by scanning all nodes, or by id, and plans doing any of these are refused.
 * </li>
 * </ul>
 */
final class QueryGuard {

    static final int MAX_DEPTH = 64;

    /** Procedures a read-only query may call: the ones that describe the graph's shape. */
    static final Set<String> ALLOWED_PROCEDURES = Set.of(
            "db.labels",
            "db.relationshipTypes",
            "db.propertyKeys",
            "db.schema.visualization",
            "db.schema.nodeTypeProperties",
            "db.schema.relTypeProperties");

    /** Plan operators that reach nodes without a label: every node, the :User ones included. */
    static final Map<String, String> UNLABELLED = Map.of(
            "AllNodesScan", "it scans every node",
            "PartitionedAllNodesScan", "it scans every node",
            "NodeByIdSeek", "it looks nodes up by id",
            "NodeByElementIdSeek", "it looks nodes up by element id");

    private static final String READ_ONLY = " The Cypher console and saved queries are read-only and see the"
            + " investigation's graph only (accounts, tweets, links, hashtags, runs, clusters): name their labels,"
            + " e.g. MATCH (a:Account).";
    private static final Pattern ADMIN_COMMAND = Pattern.compile(
            "^\\s*(?:(?:CYPHER|EXPLAIN|PROFILE)\\b[^\\n]*?\\s+)*(SHOW|TERMINATE|GRANT|DENY|REVOKE|ALTER|START|STOP|USE)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    /** The word User in a plan step's details: a label scan, seek, count or label expression naming it. */
    private static final Pattern USER_LABEL = Pattern.compile("(?<![A-Za-z0-9_])User(?![A-Za-z0-9_])");

    private QueryGuard() {}

    /** Refuses from the text alone: too deeply nested, or an administration command. */
    static void checkText(String cypher) {
        int depth = 0;
        int nots = 0;
        char quote = 0;
        for (int i = 0; i < cypher.length(); i++) {
            char c = cypher.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            switch (c) {
                case '\'', '"', '`' -> quote = c;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth = Math.max(0, depth - 1);
                default -> {}
            }
            if (depth > MAX_DEPTH) {
                throw refused(
                        "it nests brackets more than " + MAX_DEPTH + " deep",
                        "Flatten it: use WITH to name" + " intermediate results, or pass a list as a $parameter.");
            }
            if ((c == 'N' || c == 'n')
                    && cypher.regionMatches(true, i, "NOT", 0, 3)
                    && boundary(cypher, i - 1)
                    && boundary(cypher, i + 3)) {
                if (++nots > MAX_DEPTH) {
                    throw refused("it holds more than " + MAX_DEPTH + " NOTs", "Simplify the condition.");
                }
            }
        }
        var admin = ADMIN_COMMAND.matcher(COMMENT.matcher(cypher).replaceAll(" "));
        if (admin.find()) {
            throw refused(
                    "it is an administration command (" + admin.group(1).toUpperCase(Locale.ROOT) + " …), which"
                            + " may show or stop other people's queries or the server's settings",
                    READ_ONLY);
        }
    }

    /** Refuses from the plan: a procedure not on the list, an unlabelled or by-id node lookup, the :User label. */
    static void checkPlan(Plan plan) {
        if (plan == null) {
            return;
        }
        String operator = plan.operatorType().replaceFirst("@.*$", "");
        String details = plan.arguments().containsKey("Details")
                ? plan.arguments().get("Details").asString("")
                : "";
        if (operator.startsWith("Show") || operator.startsWith("Terminate")) {
            throw refused("it is an administration command (" + operator + ")", READ_ONLY);
        }
        if (operator.equals("ProcedureCall")) {
            String name = details.replaceFirst("\\(.*$", "").strip();
            if (!ALLOWED_PROCEDURES.contains(name)) {
                throw refused(
                        "it calls the procedure " + name + "; only "
                                + String.join(
                                        ", ",
                                        ALLOWED_PROCEDURES.stream().sorted().toList()) + " may be called here",
                        READ_ONLY);
            }
        }
        String why = UNLABELLED.get(operator);
        if (why != null) {
            throw refused(why + ", which reaches the users' nodes too", READ_ONLY);
        }
        if (operator.contains("Dynamic") || details.contains("$(")) {
            throw refused("it chooses a label at run time, which may be the users' label", READ_ONLY);
        }
        if (USER_LABEL.matcher(details).find()) {
            throw refused(
                    "it reads the :User nodes (user names, roles and password hashes); manage users on the"
                            + " Users page or with 'users list'",
                    READ_ONLY);
        }
        plan.children().forEach(QueryGuard::checkPlan);
    }

    private static boolean boundary(String s, int i) {
        return i < 0 || i >= s.length() || !(Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_');
    }

    private static QueryService.QueryRefusedException refused(String why, String whatToDo) {
        return new QueryService.QueryRefusedException(
                "Refused: " + why + "." + (whatToDo.startsWith(" ") ? "" : " ") + whatToDo);
    }
}
