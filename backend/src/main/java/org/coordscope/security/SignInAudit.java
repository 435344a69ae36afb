package org.coordscope.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every failed sign-in (form or HTTP Basic) is a {@code signin.failed} audit entry naming the user name tried and
 * the remote address, never the password. Spring Security publishes the failure events.
 */
@Component
class SignInAudit {

    /** User names are at most 64 characters; a longer one was not a user name and is cut. */
    static final int MAX_NAME = 100;

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        audit.record(
                AuditLog.ANONYMOUS,
                "signin.failed",
                shortName(attempt.getName()),
                AuditLog.details(
                        "address",
                        address(attempt),
                        "reason",
                        event.getException() instanceof DisabledException
                                ? "disabled"
                                : "wrong user name or password"));
    }

    static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    static String shortName(String name) {
        return name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
    }
}
