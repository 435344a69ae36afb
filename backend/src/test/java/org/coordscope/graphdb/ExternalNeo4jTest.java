package org.coordscope.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.CoordScopeApplication;
import org.coordscope.datasets.DatasetService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * With a URI configured the application starts no server of its own and works through that one; while that server
 * is down, every request, a sign-in with the right password included, answers 503 saying so (not 401 "wrong
 * password"), and the outage counts as no failed sign-in.
 */
class ExternalNeo4jTest {

    private static final String PASSWORD = "external-admin-password";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aConfiguredUriIsUsedInsteadOfAnEmbeddedServerAndItsOutageAnswers503() throws Exception {
        Path store = temp.resolve("server");
        EmbeddedNeo4j server = EmbeddedNeo4j.start(store, 0, "32m", "");
        int boltPort = URI.create(server.boltUri()).getPort();
        try (var context = new SpringApplicationBuilder(CoordScopeApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--coordscope.neo4j.uri=" + server.boltUri(),
                        "--coordscope.neo4j.username=" + EmbeddedNeo4j.USER,
                        "--coordscope.neo4j.password=" + BoltPassword.readOrCreate(store),
                        "--coordscope.neo4j.store=" + temp.resolve("never-created"),
                        "--coordscope.demo.enabled=false",
                        "--coordscope.security.admin-password=" + PASSWORD,
                        // each request retries this long while the server is down, then answers 503
                        "--coordscope.neo4j.max-retry-time=1s",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        // the driver's retries and the health check log every refused connection with its stack
                        "--logging.level.org.neo4j.driver=ERROR",
                        "--logging.level.org.springframework.boot.actuate=ERROR")) {
            assertThat(context.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable())
                    .isNull();
            assertThat(temp.resolve("never-created")).doesNotExist();
            assertThat(context.getBean(DatasetService.class).counts(null).accounts())
                    .isZero();
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/api/me", PASSWORD).statusCode()).isEqualTo(200);

            server.close();
            // more tries than the throttle lets a name fail before it must wait
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> down = get(base + "/api/me", PASSWORD);
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.body())
                        .contains("The graph database is not available", "df -h")
                        .doesNotContain("Wrong user name or password");
            }
            // the login form too: the page with the session's CSRF token, then the form posted
            HttpClient browser =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String page = browser.send(
                            HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(token.find()).as(page).isTrue();
            HttpResponse<String> form = browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=admin&password=" + PASSWORD + "&_csrf=" + token.group(1)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).as(form.body()).isEqualTo(503);
            assertThat(form.body()).contains("The graph database is not available");
            assertThat(get(base + "/actuator/health", null).statusCode()).isEqualTo(503);

            server = EmbeddedNeo4j.start(store, boltPort, "32m", "");
            HttpResponse<String> back = get(base + "/api/me", PASSWORD);
            assertThat(back.statusCode())
                    .as("the outage counted as no failed sign-in: " + back.body())
                    .isEqualTo(200);
        } finally {
            server.close();
        }
    }

    private HttpResponse<String> get(String uri, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        if (password != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
