package org.coordscope.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The first start of the server: with no enabled admin in the store, creates {@code admin} with the password from
 * {@code COORDSCOPE_ADMIN_PASSWORD} ({@code coordscope.security.admin-password}), or else with a generated one that
 * is printed this once. A password that was given is never logged.
 *
 * <p>Runs once every bean exists and before the web server accepts connections (an {@code ApplicationRunner} would
 * run after: a client that waits for the health check could then sign in before the admin exists and get 401).
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final String password;

    AdminBootstrap(UserService users, @Value("${coordscope.security.admin-password:}") String password) {
        this.users = users;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        UserService.Credentials created = users.ensureAdmin(password);
        if (created == null) {
            return;
        }
        if (created.password() == null) {
            log.info("Created user 'admin' (role admin) with the password from COORDSCOPE_ADMIN_PASSWORD.");
        } else {
            log.warn("""

                    ========================================================================
                    First start: created user 'admin' (role admin).
                    Generated admin password: {}
                    It is shown only this once. Sign in, then change it with
                      java -jar coordscope.jar users reset admin --password-stdin
                    (or from the Users page). Set COORDSCOPE_ADMIN_PASSWORD to choose it.
                    ========================================================================""", created.password());
        }
    }
}
