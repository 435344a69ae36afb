package org.coordscope;

import java.util.List;
import org.coordscope.security.UserService;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The users API tests sign in as. The test profile gives the first start's {@code admin} a known password
 * ({@code coordscope.security.admin-password} in application-test.properties); {@link #investigator} adds an
 * investigator on first use.
 */
public final class TestUsers {

    public static final String ADMIN = UserService.FIRST_ADMIN;
    public static final String ADMIN_PASSWORD = "test-admin-password";
    public static final String INVESTIGATOR = "ivy";
    public static final String INVESTIGATOR_PASSWORD = "investigator-password";

    private TestUsers() {}

    /** The server's client signed in (HTTP Basic) as the admin. */
    public static TestRestTemplate admin(TestRestTemplate server) {
        return server.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    /** The server's client signed in as an investigator, who is added to the store if missing. */
    public static TestRestTemplate investigator(TestRestTemplate server, UserService users) {
        if (users.list().stream().noneMatch(u -> u.username().equals(INVESTIGATOR))) {
            users.add(INVESTIGATOR, INVESTIGATOR_PASSWORD, List.of("investigator"));
        }
        return server.withBasicAuth(INVESTIGATOR, INVESTIGATOR_PASSWORD);
    }
}
