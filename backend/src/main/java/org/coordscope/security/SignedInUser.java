package org.coordscope.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a signed-in session: Spring's {@link User} plus a stamp of the password hash it signed in with,
 * which outlives the erased password. {@link SessionCheck} compares it with the store's on every request, so a
 * disabled user's sessions, and every session of a user whose password was reset, end at once.
 */
final class SignedInUser extends User {

    private static final long serialVersionUID = 1L;

    private final String stamp;

    SignedInUser(
            String username, String passwordHash, boolean enabled, Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.stamp = stamp(passwordHash);
    }

    String stamp() {
        return stamp;
    }

    /** A digest of the hash, so the session holds nothing a password could be checked against. */
    static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    // equals and hashCode stay User's (by user name), as the session registry and Spring expect
    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
