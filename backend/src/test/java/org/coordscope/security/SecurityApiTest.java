package org.coordscope.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.ApiTestSupport;
import org.coordscope.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who may call what, over real HTTP against the running server: every API endpoint group answers 401 without or
 * with wrong credentials, 403 to an investigator on admin endpoints, and passes the right role; pages redirect to
 * the login page; CSRF for browser sessions, none for HTTP Basic; Basic opens a session its cookie can reuse;
 * disabled users; user management.
 */
class SecurityApiTest extends ApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    /** One request to probe: admin-only, or open to investigators too. */
    record Probe(HttpMethod method, String path, Object body, boolean adminOnly) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private List<Probe> probes() {
        String run = world.run();
        JsonNode cluster = http.getForObject(uri("/api/clusters?size=1&run=" + run), JsonNode.class)
                .get("items")
                .get(0);
        String clusterId = enc(cluster.get("id").asText());
        ResponseEntity<JsonNode> detail =
                http.getForEntity(uri("/api/clusters/" + clusterId + "?memberSize=2"), JsonNode.class);
        assertThat(detail.getStatusCode())
                .as(clusterId + " " + detail.getBody())
                .isEqualTo(HttpStatus.OK);
        JsonNode members = detail.getBody().get("members").get("items");
        String a = members.get(0).get("accountId").asText();
        String b = members.get(1).get("accountId").asText();
        String query = http.getForObject("/api/queries", JsonNode.class)
                .get(0)
                .get("name")
                .asText();
        List<Probe> p = new ArrayList<>();
        for (String get : List.of(
                "/api/me",
                "/api/datasets",
                "/api/datasets/world",
                "/api/formats",
                "/api/imports",
                "/api/imports/no-such-job",
                "/api/detection-options",
                "/api/detections",
                "/api/detections/no-such-job",
                "/api/runs",
                "/api/runs/" + run + "/suspects",
                "/api/runs/" + run + "/evidence?account=" + enc(a),
                "/api/runs/compare?from=" + run + "&to=" + run,
                "/api/clusters",
                "/api/clusters/" + clusterId,
                "/api/clusters/" + clusterId + "/graph",
                "/api/clusters/" + clusterId + "/activity",
                "/api/accounts/" + enc(a),
                "/api/accounts/" + enc(a) + "/neighbours",
                "/api/edges?run=" + run + "&a=" + enc(a) + "&b=" + enc(b),
                "/api/search?q=a",
                "/api/queries",
                "/api/marks",
                "/api/allowlist",
                "/api/exports/suspects?run=" + run,
                "/api/exports/evidence?run=" + run + "&account=" + enc(a),
                "/api/exports/graph?cluster=" + clusterId)) {
            p.add(new Probe(HttpMethod.GET, get, null, false));
        }
        p.add(new Probe(HttpMethod.POST, "/api/queries/" + query + "/run", Map.of("params", Map.of()), false));
        p.add(new Probe(
                HttpMethod.POST,
                "/api/exports/graph",
                Map.of("run", run, "accounts", List.of(a, b), "format", "gexf"),
                false));
        // marking suspects is investigators' work; the probe's marks are removed by the DELETE probes after them
        p.add(new Probe(
                HttpMethod.PUT,
                "/api/marks",
                Map.of(
                        "targetType",
                        "account",
                        "targetId",
                        "probe",
                        "dataset",
                        "world",
                        "status",
                        "suspect",
                        "note",
                        "security probe"),
                false));
        p.add(new Probe(HttpMethod.DELETE, "/api/marks?targetType=account&targetId=probe&dataset=world", null, false));
        p.add(new Probe(
                HttpMethod.PUT,
                "/api/allowlist",
                Map.of("dataset", "world", "accountId", "probe", "note", "security probe"),
                false));
        p.add(new Probe(HttpMethod.DELETE, "/api/allowlist?dataset=world&accountId=probe", null, false));
        // admin only, each asked in a way that changes nothing (an unknown name, an invalid body)
        p.add(new Probe(HttpMethod.POST, "/api/imports", Map.of(), true));
        p.add(new Probe(HttpMethod.POST, "/api/detections", Map.of("dataset", "no-such-dataset"), true));
        p.add(new Probe(HttpMethod.DELETE, "/api/runs/no-such-run", null, true));
        p.add(new Probe(HttpMethod.DELETE, "/api/datasets/no-such-dataset", null, true));
        p.add(new Probe(HttpMethod.GET, "/api/admin/users", null, true));
        p.add(new Probe(HttpMethod.POST, "/api/admin/users", Map.of(), true));
        p.add(new Probe(HttpMethod.POST, "/api/admin/users/nobody/disable", null, true));
        p.add(new Probe(HttpMethod.POST, "/api/admin/users/nobody/enable", null, true));
        p.add(new Probe(HttpMethod.POST, "/api/admin/users/nobody/password", Map.of(), true));
        p.add(new Probe(HttpMethod.GET, "/api/admin/audit", null, true));
        // not mapped for investigators: denied by default
        p.add(new Probe(HttpMethod.PATCH, "/api/clusters", Map.of(), true));
        return p;
    }

    @Test
    void everyEndpointAnswers401WithoutOrWithWrongCredentials403ForTheWrongRoleAndServesTheRightOne() {
        TestRestTemplate wrongPassword = anonymous.withBasicAuth(TestUsers.ADMIN, "not-the-password");
        TestRestTemplate investigator = investigator();
        int n = 0;
        for (Probe probe : probes()) {
            // a new unknown name each time: one name failing again and again is throttled (429), tested apart
            TestRestTemplate unknownUser = anonymous.withBasicAuth("nobody-at-all-" + n++, "whatever-password");
            for (TestRestTemplate client : List.of(anonymous, wrongPassword, unknownUser)) {
                ResponseEntity<String> r = call(client, probe);
                assertThat(r.getStatusCode()).as(probe.toString()).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(r.getHeaders().getFirst("Content-Type"))
                        .as(probe.toString())
                        .contains("json");
                JsonNode problem = json(r);
                assertThat(problem.get("status").asInt()).isEqualTo(401);
                assertThat(problem.get("detail").asText()).as(probe.toString()).isNotBlank();
                assertThat(r.getHeaders().containsKey("WWW-Authenticate"))
                        .as("no browser password box")
                        .isFalse();
            }
            ResponseEntity<String> asInvestigator = call(investigator, probe);
            if (probe.adminOnly()) {
                assertThat(asInvestigator.getStatusCode()).as(probe.toString()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(json(asInvestigator).get("detail").asText())
                        .contains("'ivy' (investigator)", "needs the admin role");
            } else {
                assertThat(asInvestigator.getStatusCode().value())
                        .as(probe + " " + asInvestigator.getBody())
                        .isNotIn(401, 403, 500);
            }
            ResponseEntity<String> asAdmin = call(http, probe);
            assertThat(asAdmin.getStatusCode().value())
                    .as("admin: " + probe + " " + asAdmin.getBody())
                    .isNotIn(401, 403, 500);
        }
        // and the right role is served, not just "not refused"
        assertThat(investigator.getForEntity("/api/clusters", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/api/admin/users", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.exchange("/api/runs/no-such-run", HttpMethod.DELETE, null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void meSaysWhoIsSignedInWithTheirRoles() {
        JsonNode me = investigator().getForObject("/api/me", JsonNode.class);
        assertThat(me.get("username").asText()).isEqualTo(TestUsers.INVESTIGATOR);
        assertThat(me.get("roles").toString()).isEqualTo("[\"investigator\"]");
        assertThat(http.getForObject("/api/me", JsonNode.class).get("roles").toString())
                .isEqualTo("[\"admin\"]");
    }

    @Test
    void healthIsOpenWithItsDetailsForAdminsOnly() {
        ResponseEntity<JsonNode> open = anonymous.getForEntity("/actuator/health", JsonNode.class);
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(open.getBody().get("status").asText()).isEqualTo("UP");
        assertThat(open.getBody().has("components")).isFalse();
        JsonNode investigator = investigator().getForObject("/actuator/health", JsonNode.class);
        assertThat(investigator.get("status").asText()).isEqualTo("UP");
        assertThat(investigator.has("components"))
                .as("no Bolt address or disk path")
                .isFalse();
        assertThat(http.getForObject("/actuator/health", JsonNode.class)
                        .get("components")
                        .has("neo4j"))
                .isTrue();
    }

    @Test
    void pagesRedirectToTheLoginPageWhichIsOpen() throws Exception {
        Browser browser = new Browser();
        for (String page : List.of("/", "/index.html", "/assets/index.js", "/v3/api-docs", "/swagger-ui/index.html")) {
            HttpResponse<String> r = browser.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow())
                    .as(page)
                    .endsWith("/login");
        }
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body())
                .contains(
                        "<form method=\"post\" action=\"login\"",
                        "name=\"username\"",
                        "name=\"password\"",
                        "name=\"_csrf\"");
        // Basic credentials open the pages too
        HttpResponse<String> index = new Browser()
                .send(HttpRequest.newBuilder(uri("/"))
                        .header("Authorization", basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
                        .GET());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("CoordScope");
    }

    @Test
    void aBrowserSignsInWithTheFormAndItsSessionNeedsTheCsrfTokenToWrite() throws Exception {
        Browser browser = new Browser();
        // without the form's token the sign-in is refused; with a wrong password it goes back to the form
        assertThat(browser.postForm("/login", Map.of("username", TestUsers.ADMIN, "password", TestUsers.ADMIN_PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        HttpResponse<String> wrong = browser.signIn(TestUsers.ADMIN, "wrong-password");
        assertThat(wrong.headers().firstValue("Location"))
                .as(wrong.statusCode() + " " + wrong.headers().map() + " " + wrong.body())
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);

        HttpResponse<String> signedIn = browser.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(JSON.readTree(browser.get("/api/me").body()).get("username").asText())
                .isEqualTo("admin");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        // a session write without the token is refused, as a forged cross-site request would be
        String body = JSON.writeValueAsString(Map.of("username", "csrf-probe", "roles", List.of("investigator")));
        HttpResponse<String> forged = browser.postJson("/api/admin/users", body, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("detail").asText()).contains("X-XSRF-TOKEN");
        HttpResponse<String> withToken = browser.postJson("/api/admin/users", body, true);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        // signing out as the UI does (a POST with the token, no body) ends the session
        HttpResponse<String> signedOut = browser.send(HttpRequest.newBuilder(uri("/logout"))
                .header("X-XSRF-TOKEN", browser.sessionToken())
                .POST(HttpRequest.BodyPublishers.noBody()));
        // (a redirect to /login?logout, or 204 to a client that looks like a script; the UI goes there either way)
        assertThat(signedOut.statusCode()).isIn(204, 302);
        signedOut.headers().firstValue("Location").ifPresent(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(browser.get("/api/me").statusCode()).isEqualTo(401);
    }

    /**
     * The probe's attack (issue 19): a page on another port of the same host plants an XSRF-TOKEN cookie of its
     * choosing and sends the matching header with the signed-in admin's browser; and a {@code _csrf} in the query
     * string. Both are refused now the token lives in the session.
     */
    @Test
    void aPlantedCsrfCookieOrAQueryStringTokenDoesNotPass() throws Exception {
        Browser admin = new Browser();
        admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        admin.plantCookie("XSRF-TOKEN", "planted-by-a-sibling-site");
        String body = JSON.writeValueAsString(Map.of("username", "planted-csrf", "roles", List.of("investigator")));
        HttpResponse<String> forged = admin.postJson("/api/admin/users", body, "planted-by-a-sibling-site");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        HttpResponse<String> disable = admin.send(HttpRequest.newBuilder(uri("/api/admin/users/admin/disable"))
                .header("X-XSRF-TOKEN", "planted-by-a-sibling-site")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(disable.statusCode()).isEqualTo(403);

        String token = admin.sessionToken();
        HttpResponse<String> inQuery = admin.send(HttpRequest.newBuilder(uri("/api/admin/users?_csrf=" + enc(token)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(inQuery.statusCode()).as(inQuery.body()).isEqualTo(403);
        HttpResponse<String> formInQuery =
                admin.send(HttpRequest.newBuilder(uri("/api/admin/users?_csrf=" + enc(token)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=planted-csrf")));
        assertThat(formInQuery.statusCode()).as(formInQuery.body()).isEqualTo(403);
        assertThat(http.getForObject("/api/admin/users", String.class)).doesNotContain("planted-csrf");

        // the session's own token, from /api/csrf, in the header is what works
        assertThat(admin.postJson("/api/admin/users", body, token).statusCode()).isEqualTo(201);
        // and another session's token does not
        Browser other = new Browser();
        other.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        String body2 = JSON.writeValueAsString(Map.of("username", "planted-csrf-2", "roles", List.of("investigator")));
        assertThat(other.postJson("/api/admin/users", body2, token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void basicNeedsNoCsrfTokenAndItsSessionCookieWorksWithoutThePassword() throws Exception {
        Browser script = new Browser();
        HttpResponse<String> first = script.send(HttpRequest.newBuilder(uri("/api/me"))
                .header("Authorization", basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
                .GET());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(script.cookie("JSESSIONID")).as("Basic opened a session").isNotNull();
        HttpResponse<String> second = script.get("/api/me"); // the cookie only, no Authorization header
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("username").asText()).isEqualTo("admin");
        assertThat(new Browser().get("/api/me").statusCode())
                .as("a client without the cookie")
                .isEqualTo(401);

        // a write with Basic needs no CSRF token
        ResponseEntity<JsonNode> added = http.postForEntity(
                "/api/admin/users",
                Map.of("username", "basic-writer", "roles", List.of("investigator")),
                JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void adminsManageUsersAndADisabledUserIsRefused() {
        ResponseEntity<JsonNode> added = http.postForEntity(
                "/api/admin/users", Map.of("username", "dora", "roles", List.of("investigator")), JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("user").get("enabled").asBoolean()).isTrue();
        String generated = added.getBody().get("password").asText();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(20);
        TestRestTemplate dora = anonymous.withBasicAuth("dora", generated);
        assertThat(dora.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode list = http.getForObject("/api/admin/users", JsonNode.class);
        assertThat(list.get("items").findValuesAsText("username")).contains("admin", "dora");
        assertThat(list.toString()).doesNotContain("passwordHash", "bcrypt");

        assertThat(http.postForObject("/api/admin/users/dora/disable", null, JsonNode.class)
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        ResponseEntity<JsonNode> refused = dora.getForEntity("/api/me", JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody().get("detail").asText()).contains("disabled");
        http.postForObject("/api/admin/users/dora/enable", null, JsonNode.class);
        assertThat(dora.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // a reset with a chosen password: the old one stops working
        JsonNode reset = http.postForObject(
                "/api/admin/users/dora/password", Map.of("password", "chosen-password-1"), JsonNode.class);
        assertThat(reset.get("password").isNull())
                .as("a chosen password is not echoed")
                .isTrue();
        assertThat(dora.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous
                        .withBasicAuth("dora", "chosen-password-1")
                        .getForEntity("/api/me", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void badUserInputIsRefusedNamingTheField() {
        investigator(); // so that 'ivy' exists
        assertThat(refusal(Map.of("username", "has space", "roles", List.of("investigator"))))
                .contains("username");
        assertThat(refusal(Map.of("username", "eve", "roles", List.of("boss")))).contains("roles", "'boss'");
        assertThat(refusal(Map.of("username", "eve"))).contains("roles");
        assertThat(refusal(Map.of("username", "eve", "password", "short", "roles", List.of("admin"))))
                .contains("password", "at least 12");
        assertThat(refusal(Map.of("username", "admin", "roles", List.of("admin"))))
                .contains("username", "taken");
        // issue 19: the probe's passwords, and a second admin differing only in case
        assertThat(refusal(Map.of("username", "eve", "password", "password", "roles", List.of("admin"))))
                .contains("password", "at least 12");
        assertThat(refusal(Map.of("username", "eve", "password", "12345678", "roles", List.of("admin"))))
                .contains("password", "at least 12");
        assertThat(refusal(Map.of("username", "eve", "password", " ".repeat(12), "roles", List.of("admin"))))
                .contains("password", "only spaces");
        assertThat(refusal(Map.of(
                        "username", "eve.investigator", "password", "Eve.Investigator", "roles", List.of("admin"))))
                .contains("password", "user name");
        assertThat(refusal(Map.of("username", "eve", "password", "Password1234", "roles", List.of("admin"))))
                .contains("password", "commonest");
        assertThat(refusal(Map.of("username", "eve", "password", "zzzzzzzzzzzzzz", "roles", List.of("admin"))))
                .contains("password", "repeated");
        assertThat(refusal(Map.of("username", "ADMIN", "roles", List.of("admin"))))
                .contains("username", "taken", "without case");
        assertThat(refusal(Map.of("username", "Ivy", "roles", List.of("investigator"))))
                .as("taken by the investigator 'ivy'")
                .contains("username", "taken");
        assertThat(http.getForObject("/api/admin/users", String.class)).doesNotContain("\"ADMIN\"", "\"eve\"");
        ResponseEntity<JsonNode> badReset =
                http.postForEntity("/api/admin/users/admin/password", Map.of("password", "admin"), JsonNode.class);
        assertThat(badReset.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badReset.getBody().get("detail").asText()).startsWith("password:");
        ResponseEntity<JsonNode> lastAdmin = http.postForEntity("/api/admin/users/admin/disable", null, JsonNode.class);
        assertThat(lastAdmin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lastAdmin.getBody().get("detail").asText()).contains("only enabled admin");
        assertThat(http.postForEntity("/api/admin/users/nobody/disable", null, String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * Issue 19: passwords could be guessed without end. A name that keeps failing must wait twice as long each time
     * (429 with Retry-After), even with the right password; other names are not held up; the trail records the
     * failures the server checked and one {@code signin.throttled}, not each refused try.
     */
    @Test
    void aNameThatKeepsFailingIsAnswered429WithRetryAfterAndTheRightPasswordWaitsToo() throws Exception {
        String name = "guessed-" + System.nanoTime();
        String password = "the-right-passphrase-" + System.nanoTime();
        users.add(name, password, List.of("investigator"));
        long before = lastAuditSeq();
        ResponseEntity<JsonNode> answer = null;
        int checked = 0;
        for (int i = 0; i < 10; i++) {
            answer = anonymous.withBasicAuth(name.toUpperCase(), "guess-" + i).getForEntity("/api/me", JsonNode.class);
            if (answer.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                break;
            }
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            checked++;
        }
        // five free failures, the sixth starts a wait (10 minutes in the test profile), the seventh meets it
        assertThat(checked).isEqualTo(6);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(answer.getHeaders().getFirst("Retry-After"))).isPositive();
        assertThat(answer.getBody().get("detail").asText()).contains("Too many failed sign-ins", "Try again in");

        ResponseEntity<JsonNode> right =
                anonymous.withBasicAuth(name, password).getForEntity("/api/me", JsonNode.class);
        assertThat(right.getStatusCode())
                .as("the right password is not even checked")
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(investigator().getForEntity("/api/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // the form says so on the page, also 429
        HttpResponse<String> form = new Browser().signIn(name, password);
        assertThat(form.statusCode()).isEqualTo(429);
        assertThat(form.headers().firstValue("Retry-After")).isPresent();
        assertThat(form.body()).contains("Too many failed sign-ins", "name=\"_csrf\"");

        List<String> actions = new ArrayList<>();
        for (JsonNode e :
                http.getForObject("/api/admin/audit?size=200", JsonNode.class).get("items")) {
            if (e.get("seq").asLong() > before
                    && name.equalsIgnoreCase(e.get("target").asText())) {
                actions.add(e.get("action").asText());
            }
        }
        assertThat(actions).filteredOn("signin.failed"::equals).hasSize(checked);
        assertThat(actions).filteredOn("signin.throttled"::equals).hasSize(1);
    }

    /** Issue 19: a disabled user's open sessions stayed valid, also after a password reset. */
    @Test
    void disablingAUserOrResettingItsPasswordEndsItsOpenSessionsAtOnce() throws Exception {
        String name = "sessioned-" + System.nanoTime();
        String password = "a-sessions-passphrase-" + System.nanoTime();
        users.add(name, password, List.of("investigator"));
        Browser form = new Browser();
        assertThat(form.signIn(name, password).statusCode()).isEqualTo(302);
        Browser script = new Browser();
        assertThat(script.send(HttpRequest.newBuilder(uri("/api/me"))
                                .header("Authorization", basic(name, password))
                                .GET())
                        .statusCode())
                .isEqualTo(200);
        assertThat(form.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(script.get("/api/me").statusCode()).as("the cookie alone").isEqualTo(200);

        // disabled from the REST API: both sessions end on their next request
        http.postForObject("/api/admin/users/" + name + "/disable", null, JsonNode.class);
        HttpResponse<String> ended = form.get("/api/me");
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(ended.body()).get("detail").asText()).contains("session has ended");
        assertThat(script.get("/api/me").statusCode()).isEqualTo(401);
        // and stay ended once the user is enabled again: the session itself is gone
        http.postForObject("/api/admin/users/" + name + "/enable", null, JsonNode.class);
        assertThat(form.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(script.get("/api/me").statusCode()).isEqualTo(401);

        // a password reset, here through the service the users CLI verb calls, ends a new session too
        assertThat(form.signIn(name, password).statusCode()).isEqualTo(302);
        assertThat(form.get("/api/me").statusCode()).isEqualTo(200);
        users.resetPassword(name, "the-new-passphrase-" + System.nanoTime());
        assertThat(form.get("/api/me").statusCode()).isEqualTo(401);
        // the old password no longer signs in
        assertThat(form.signIn(name, password).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        // another user's session is untouched
        Browser admin = new Browser();
        admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        users.setEnabled(name, false);
        assertThat(admin.get("/api/me").statusCode()).isEqualTo(200);
    }

    /** Issue 19: no Content-Security-Policy or Referrer-Policy. Every answer carries the headers, errors included. */
    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        Browser admin = new Browser();
        admin.signIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        Browser nobody = new Browser();
        for (HttpResponse<String> r : List.of(
                admin.get("/"),
                admin.get("/api/me"),
                admin.get("/api/no-such-thing"),
                nobody.get("/login"),
                nobody.get("/api/me"),
                nobody.get("/"))) {
            String what = r.request().uri() + " " + r.statusCode();
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .as(what)
                    .hasValue(WebSecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("script-src 'self';", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(what)
                    .hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        }
    }

    private long lastAuditSeq() {
        return http.getForObject("/api/admin/audit?size=1", JsonNode.class)
                .get("items")
                .get(0)
                .get("seq")
                .asLong();
    }

    private String refusal(Map<String, Object> body) {
        ResponseEntity<JsonNode> r = http.postForEntity("/api/admin/users", body, JsonNode.class);
        assertThat(r.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
        return r.getBody().get("detail").asText();
    }

    private ResponseEntity<String> call(TestRestTemplate client, Probe probe) {
        return client.exchange(
                uri(probe.path()),
                probe.method(),
                probe.body() == null ? null : new HttpEntity<>(probe.body()),
                String.class);
    }

    private static JsonNode json(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A browser's view of HTTP: a cookie jar, no redirects followed, no credentials unless asked. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields)
                throws IOException, InterruptedException {
            StringBuilder form = new StringBuilder();
            fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                    .append(enc(k))
                    .append('=')
                    .append(enc(v)));
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        }

        /** What a person does: open the login page, fill in the form (which carries the CSRF token), send it. */
        HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(get("/login").body());
            assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
            return postForm("/login", Map.of("username", user, "password", password, "_csrf", token.group(1)));
        }

        /** What the UI's fetch wrapper does: the session's token from /api/csrf in the X-XSRF-TOKEN header. */
        HttpResponse<String> postJson(String path, String json, boolean withToken)
                throws IOException, InterruptedException {
            return postJson(path, json, withToken ? sessionToken() : null);
        }

        HttpResponse<String> postJson(String path, String json, String token) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                request.header("X-XSRF-TOKEN", token);
            }
            return send(request);
        }

        String sessionToken() throws IOException, InterruptedException {
            HttpResponse<String> answer = get("/api/csrf");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body()).get("token").asText();
        }

        /** What a page on a sibling port or subdomain can do: set a cookie for this host. */
        void plantCookie(String name, String value) {
            HttpCookie cookie = new HttpCookie(name, value);
            cookie.setPath("/");
            cookie.setVersion(0);
            cookies.getCookieStore().add(uri("/"), cookie);
        }
    }
}
