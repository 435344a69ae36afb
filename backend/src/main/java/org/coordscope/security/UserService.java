package org.coordscope.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.coordscope.web.NotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users and their passwords, shared by the REST API ({@code /api/admin/users}), the CLI ({@code users}) and
 * Spring Security (as its {@link UserDetailsService}). Passwords are kept only as hashes (BCrypt through
 * Spring's {@link PasswordEncoder}); a password the service makes up is returned once and never logged.
 *
 * <p>Every change is an audit entry ({@code user.add}, {@code user.disable}, {@code user.enable},
 * {@code user.password}) naming the actor and the user, never the password. The methods without an actor are the
 * local command line's ({@link AuditLog#cliActor()}), as {@code Exports} and {@code Detections} do it.
 */
@Service
public class UserService implements UserDetailsService {

    /** The user the first start creates. */
    public static final String FIRST_ADMIN = "admin";

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user with the password to hand over: the one given, or the one made up (shown once). */
    public record Credentials(UserInfo user, String password) {}

    /** The actor of the changes the server's first start makes. */
    static final String FIRST_START = "system:first-start";

    private final UserStore store;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserService(UserStore store, PasswordEncoder encoder, AuditLog audit) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserStore.StoredUser u =
                store.find(username).orElseThrow(() -> new UsernameNotFoundException("No user '" + username + "'"));
        return new SignedInUser(
                u.info().username(),
                u.passwordHash(),
                u.info().enabled(),
                AuthorityUtils.createAuthorityList(u.info().roles().stream()
                        .map(Role::of)
                        .map(Role::authority)
                        .toArray(String[]::new)));
    }

    /**
     * What a session signed in as {@code username} must still match ({@link SignedInUser#stamp()}): empty when the
     * user is gone or disabled, so that its sessions end; another value once the password was reset.
     */
    Optional<String> sessionStamp(String username) {
        return store.find(username).filter(u -> u.info().enabled()).map(u -> SignedInUser.stamp(u.passwordHash()));
    }

    public List<UserInfo> list() {
        return store.list();
    }

    public UserInfo get(String username) {
        return store.find(username)
                .map(UserStore.StoredUser::info)
                .orElseThrow(() -> new NotFoundException(
                        "No user '" + username + "'. List them with GET /api/admin/users or 'users list'."));
    }

    /**
     * Adds an enabled user.
     *
     * @param password null or blank to have one made up (returned in the answer)
     * @throws IllegalArgumentException naming the field that is wrong: username, password or roles
     */
    public Credentials add(String actor, String username, String password, List<String> roles) {
        checkUsername(username);
        List<String> roleIds = roleIds(roles);
        boolean generate = password == null || password.isEmpty();
        String pw = generate ? generatePassword() : PasswordPolicy.check(username, password);
        if (!store.create(username, encoder.encode(pw), roleIds)) {
            throw new IllegalArgumentException("username: '" + username + "' is taken (user names are compared"
                    + " without case); choose another name.");
        }
        audit.record(actor, "user.add", username, AuditLog.details("roles", roleIds, "generatedPassword", generate));
        return new Credentials(get(username), generate ? pw : null);
    }

    /** {@link #add(String, String, String, List)} from the local command line. */
    public Credentials add(String username, String password, List<String> roles) {
        return add(AuditLog.cliActor(), username, password, roles);
    }

    /** Enables or disables a user; the last enabled admin cannot be disabled. */
    public UserInfo setEnabled(String actor, String username, boolean enabled) {
        UserInfo user = get(username);
        if (!enabled && user.enabled() && user.isAdmin() && store.enabledAdmins() <= 1) {
            throw new IllegalArgumentException("username: '" + username + "' is the only enabled admin; add or enable"
                    + " another admin first, or nobody could manage users.");
        }
        store.setEnabled(username, enabled);
        audit.record(
                actor,
                enabled ? "user.enable" : "user.disable",
                username,
                AuditLog.details("wasEnabled", user.enabled()));
        return get(username);
    }

    /** {@link #setEnabled(String, String, boolean)} from the local command line. */
    public UserInfo setEnabled(String username, boolean enabled) {
        return setEnabled(AuditLog.cliActor(), username, enabled);
    }

    /**
     * Sets a new password.
     *
     * @param password null or blank to have one made up (returned in the answer)
     */
    public Credentials resetPassword(String actor, String username, String password) {
        get(username);
        boolean generate = password == null || password.isEmpty();
        String pw = generate ? generatePassword() : PasswordPolicy.check(username, password);
        store.setPasswordHash(username, encoder.encode(pw));
        audit.record(actor, "user.password", username, AuditLog.details("generatedPassword", generate));
        return new Credentials(get(username), generate ? pw : null);
    }

    /** {@link #resetPassword(String, String, String)} from the local command line. */
    public Credentials resetPassword(String username, String password) {
        return resetPassword(AuditLog.cliActor(), username, password);
    }

    /**
     * The first start: when no enabled admin exists, makes {@value #FIRST_ADMIN} one with this password, or with a
     * made-up one when null or blank.
     *
     * @return the credentials when an admin was created (the password only when made up); null when an admin exists
     */
    public Credentials ensureAdmin(String password) {
        if (store.enabledAdmins() > 0) {
            return null;
        }
        boolean generate = password == null || password.isEmpty();
        String pw = generate ? generatePassword() : PasswordPolicy.check(FIRST_ADMIN, password);
        store.upsertAdmin(FIRST_ADMIN, encoder.encode(pw));
        audit.record(
                FIRST_START,
                "user.add",
                FIRST_ADMIN,
                AuditLog.details("roles", List.of(Role.ADMIN.id()), "generatedPassword", generate));
        return new Credentials(get(FIRST_ADMIN), generate ? pw : null);
    }

    /** 24 random characters (144 bits) from SecureRandom, URL-safe. */
    static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username: must be 1 to 64 letters, digits or . _ @ -; got "
                    + (username == null ? "nothing" : "'" + username + "'") + ".");
        }
    }

    private static List<String> roleIds(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("roles: give one or more of " + Role.known() + ".");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String r : roles) {
            ids.add(Role.of(r).id());
        }
        return List.copyOf(ids);
    }
}
