package org.coordscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One API user's session, as a script would hold it: HTTP Basic credentials on the first call (and again if the
 * session expires), then the session cookie the server set ({@code JSESSIONID}) instead of the header, so the server
 * does not hash the password on every request. Writes with the session cookie carry the session's CSRF token
 * (fetched once from {@code /api/csrf}) in {@code X-XSRF-TOKEN}.
 * With no user given, or a server without security, calls simply go without credentials. Not thread-safe: one per
 * user; the {@link HttpClient} (connection pool) is shared.
 */
public final class ApiSession {

    /** A finished call: HTTP status, body, and the time from sending to the whole body read. */
    public record Response(int status, String body, long nanos) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String basic;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** The session's CSRF token, once asked for; null with no session yet. */
    private String csrfToken;

    public ApiSession(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.basic = user == null || user.isEmpty()
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((user + ":" + (password == null ? "" : password))
                                        .getBytes(StandardCharsets.UTF_8));
    }

    /** The client every session of a run shares: HTTP/1.1, keep-alive connections. */
    public static HttpClient sharedClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /**
     * Signs in now (HTTP Basic once, which costs the server a password hash) and takes the session's CSRF token, so
     * that the calls after it are an investigator's clicks in a session, not sign-ins.
     */
    public void signIn() throws IOException, InterruptedException {
        Response r = get("/api/csrf");
        if (!r.ok()) {
            throw new IllegalStateException("sign-in: HTTP " + r.status() + " " + r.body());
        }
        if (cookies.containsKey("JSESSIONID")) {
            csrfToken = sessionCsrfToken();
        }
    }

    public Response get(String pathAndQuery) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET(), false);
    }

    public Response post(String path, String json) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                true);
    }

    private Response send(HttpRequest.Builder request, boolean write) throws IOException, InterruptedException {
        boolean withCookie = cookies.containsKey("JSESSIONID");
        if (write && withCookie && csrfToken == null) {
            csrfToken = sessionCsrfToken();
        }
        Response r = send(request.copy(), write, withCookie);
        if (r.status() == 401 && withCookie && basic != null) { // the session expired: log in again
            cookies.remove("JSESSIONID");
            csrfToken = null;
            r = send(request.copy(), write, false);
        }
        return r;
    }

    private Response send(HttpRequest.Builder request, boolean write, boolean withCookie)
            throws IOException, InterruptedException {
        request.timeout(TIMEOUT).header("Accept", "application/json");
        if (!withCookie && basic != null) {
            request.header("Authorization", basic);
        }
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        if (write && withCookie && csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - t0;
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                cookies.put(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        return new Response(response.statusCode(), response.body(), nanos);
    }

    /** The token the server keeps in this session (null from a server without security). */
    private String sessionCsrfToken() throws IOException, InterruptedException {
        Response answer = send(HttpRequest.newBuilder(base.resolve("/api/csrf")).GET(), false, true);
        if (!answer.ok()) {
            return null;
        }
        JsonNode token = JSON.readTree(answer.body()).path("token");
        return token.isTextual() ? token.asText() : null;
    }
}
