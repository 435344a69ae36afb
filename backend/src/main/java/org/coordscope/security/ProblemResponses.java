package org.coordscope.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.coordscope.web.DatabaseUnavailable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The API's 401 and 403 answers, as RFC 9457 problem details in the shape {@code ApiExceptionHandler} gives every
 * other error ({@code type, title, status, detail, instance}), saying what to do. No {@code WWW-Authenticate}
 * challenge: browsers would pop up their own password box and then send the password with every request, cross-site
 * ones included; scripts send HTTP Basic credentials without being asked ({@code curl -u}).
 */
final class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                request.getAttribute(SessionCheck.ENDED) != null ? """
                        Your session has ended: the user was disabled or its password was reset. Sign in again, \
                        with the new password if an admin gave you one.""" : loginMessage(e));
    }

    /** 429 with {@code Retry-After}: the sign-in throttle refused the try unchecked. */
    void tooManySignIns(HttpServletRequest request, HttpServletResponse response, ThrottledSignIn.ThrottledException e)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    }

    /** 503: the database is down, so nobody can be signed in (not the caller's fault). */
    void databaseDown(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
        write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.detail(e));
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) ->
                write(request, response, HttpStatus.FORBIDDEN, e instanceof CsrfException ? """
                        This request needs the session's CSRF token: GET /api/csrf and send its token in the \
                        X-XSRF-TOKEN header (the UI does; reload the page if the session changed), or authenticate \
                        the request itself with HTTP Basic, which needs none.""" : roleMessage());
    }

    private static String loginMessage(AuthenticationException e) {
        return e == null || e instanceof InsufficientAuthenticationException
                ? "Sign in first: open the UI's login page, or send HTTP Basic credentials (curl -u USER ...)."
                : "Wrong user name or password, or the user is disabled. Check them, or ask an admin to reset"
                        + " the password.";
    }

    private static String roleMessage() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String roles = auth == null
                ? ""
                : auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(a -> a.replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "));
        String who = auth == null ? "You" : "'" + auth.getName() + "' (" + roles + ")";
        return who + " may not do this: it needs the admin role. Ask an admin.";
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
