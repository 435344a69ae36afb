package org.coordscope.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.coordscope.GraphTest;
import org.coordscope.GraphTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first start on a store without users, and the users as Spring Security reads them from Neo4j: the password
 * is generated and printed once (or taken from the setting and never printed), and it signs in.
 */
@GraphTest
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest extends GraphTestSupport {

    @Autowired
    UserService users;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void noUsers() {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(
                    tx -> tx.run("MATCH (u:User) DETACH DELETE u").consume());
        }
    }

    private Authentication signIn(String user, String password) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void withoutAPasswordSetTheFirstStartGeneratesOnePrintsItOnceAndItSignsIn(CapturedOutput output) {
        new AdminBootstrap(users, "").afterSingletonsInstantiated();
        Matcher printed = Pattern.compile("Generated admin password: (\\S+)").matcher(output.getAll());
        assertThat(printed.find()).as(output.getAll()).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(output.getAll()).contains("users reset admin");

        Authentication admin = signIn("admin", password);
        assertThat(admin.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_ADMIN");
        assertThatThrownBy(() -> signIn("admin", password + "x")).isInstanceOf(BadCredentialsException.class);
        try (var session = driver.session()) {
            String hash = session.executeRead(tx -> tx.run("MATCH (u:User {username: 'admin'}) RETURN u.passwordHash")
                    .single()
                    .get(0)
                    .asString());
            assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);
        }

        // the second start finds the admin: nothing printed, the password unchanged
        int before = output.getAll().length();
        new AdminBootstrap(users, "").afterSingletonsInstantiated();
        assertThat(output.getAll().substring(before)).doesNotContain("password");
        assertThat(signIn("admin", password).isAuthenticated()).isTrue();
    }

    @Test
    void aPasswordFromTheSettingIsUsedAndNeverPrinted(CapturedOutput output) {
        new AdminBootstrap(users, "chosen-by-the-operator").afterSingletonsInstantiated();
        assertThat(output.getAll()).doesNotContain("chosen-by-the-operator");
        assertThat(signIn("admin", "chosen-by-the-operator").isAuthenticated()).isTrue();
        assertThat(users.list())
                .extracting(UserInfo::username, UserInfo::roles, UserInfo::enabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("admin", List.of("admin"), true));
    }

    @Test
    void aTooShortPasswordSettingStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new AdminBootstrap(users, "short").afterSingletonsInstantiated())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 12");
        assertThat(users.list()).isEmpty();
    }

    @Test
    void theLastEnabledAdminStaysAndWithOneTheStartChangesNothing(CapturedOutput output) {
        users.add("admin", "first-password", List.of("admin"));
        users.add("ivy", "ivy-password", List.of("investigator"));
        users.add("root2", "root2-password", List.of("admin"));
        users.setEnabled("admin", false);
        users.setEnabled("ivy", false);
        assertThatThrownBy(() -> signIn("ivy", "ivy-password")).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> users.setEnabled("root2", false)).hasMessageContaining("only enabled admin");

        new AdminBootstrap(users, "other-password").afterSingletonsInstantiated();
        assertThat(output.getAll()).doesNotContain("Generated admin password");
        assertThat(users.list())
                .extracting(UserInfo::username, UserInfo::enabled)
                .contains(org.assertj.core.groups.Tuple.tuple(
                        "admin", false)); // an enabled admin (root2) exists: untouched
        assertThatThrownBy(() -> signIn("admin", "other-password")).isInstanceOf(DisabledException.class);
    }
}
