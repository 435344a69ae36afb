package org.coordscope.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.coordscope.web.DatabaseUnavailable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose user was disabled, removed or given a new password since it signed in (issue 19): on every
 * request, the session's {@link SignedInUser#stamp()} is compared with the store's (one read by the unique
 * {@code username}). The store is asked, not a registry in this server's memory, so a change made by the {@code users}
 * command against an external Neo4j counts too. The request then goes on unauthenticated, and is answered 401 (or
 * sent to the login page) with {@link #ENDED} set for the message.
 */
final class SessionCheck extends OncePerRequestFilter {

    /** Request attribute: this request's session was ended by a change to its user. */
    static final String ENDED = SessionCheck.class.getName() + ".ENDED";

    private final UserService users;
    private final ProblemResponses problems;

    SessionCheck(UserService users, ProblemResponses problems) {
        this.users = users;
        this.problems = problems;
    }

    /** The health check is open to all and must answer DOWN, not fail, when the store cannot be read. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean ended;
        try {
            ended = auth != null
                    && auth.getPrincipal() instanceof SignedInUser user
                    && !users.sessionStamp(user.getUsername())
                            .map(user.stamp()::equals)
                            .orElse(false);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.reason(e).isEmpty()) {
                throw e;
            }
            problems.databaseDown(request, response, e);
            return;
        }
        if (ended) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            request.setAttribute(ENDED, Boolean.TRUE);
        }
        chain.doFilter(request, response);
    }
}
