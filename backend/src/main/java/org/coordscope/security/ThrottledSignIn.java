package org.coordscope.security;

import org.coordscope.web.DatabaseUnavailable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The server's one way to check a password (form sign-in and HTTP Basic alike): asks the {@link SignInThrottle}
 * first and refuses, without looking at the password, a name or address that must wait; then lets Spring's
 * {@code DaoAuthenticationProvider} check it and tells the throttle how it went. The first refusal of a waiting
 * period is audited ({@code signin.throttled}); the refusals after it are not, so the trail stays readable under a
 * brute-force run.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    /** A sign-in refused because its name or address must wait; {@link #retryAfterSeconds()} says how long. */
    static final class ThrottledException extends AuthenticationException {

        private final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super("Too many failed sign-ins for this user name or from this address. Try again in " + retryAfterSeconds
                    + " s, or ask an admin to reset the password.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * The user store could not be read because the database is down: not a failed try (it is neither counted nor
     * audited, which would need the database), answered 503 with {@link DatabaseUnavailable#MESSAGE}.
     */
    static final class DatabaseDownException extends AuthenticationServiceException {

        DatabaseDownException(Throwable cause) {
            super(DatabaseUnavailable.detail(cause), cause);
        }
    }

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, AuditLog audit) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        String address = SignInAudit.address(attempt);
        long wait = throttle.retryAfter(name, address);
        if (wait > 0) {
            throw new ThrottledException(wait);
        }
        try {
            Authentication ok = passwords.authenticate(attempt);
            throttle.succeeded(name);
            return ok;
        } catch (InternalAuthenticationServiceException e) {
            throw DatabaseUnavailable.reason(e).isPresent() ? new DatabaseDownException(e) : e;
        } catch (AuthenticationException e) {
            SignInThrottle.Outcome outcome = throttle.failed(name, address);
            if (outcome.startedWaiting()) {
                audit.record(
                        AuditLog.ANONYMOUS,
                        "signin.throttled",
                        SignInAudit.shortName(name),
                        AuditLog.details("address", address, "waitSeconds", outcome.waitSeconds()));
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
