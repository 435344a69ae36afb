package org.coordscope.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a chosen password must be (issue 19; NIST SP 800-63B's rules): at least {@value #MIN_LENGTH} characters, not
 * only spaces, not one character repeated, not the user name, and not on the list of the commonest passwords shipped
 * in the jar ({@code security/common-passwords.txt}); at most {@value #MAX_BYTES} bytes, all BCrypt reads. No rules
 * on character classes: length is what makes a password strong. Generated passwords need no check.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** BCrypt reads only the first 72 bytes. */
    static final int MAX_BYTES = 72;

    static final String COMMON = "security/common-passwords.txt";

    private static final Set<String> COMMON_PASSWORDS = load();

    private PasswordPolicy() {}

    /**
     * @return the password, when it may be used
     * @throws IllegalArgumentException starting "password:", saying what is wrong and what to do
     */
    static String check(String username, String password) {
        String hint = " Choose a longer phrase of several words, or leave the password out to have a strong one"
                + " generated.";
        if (password.isBlank()) {
            throw new IllegalArgumentException("password: must not be only spaces." + hint);
        }
        if (password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "password: must be at least " + MIN_LENGTH + " characters; got " + password.length() + "." + hint);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "password: must be at most " + MAX_BYTES + " bytes (BCrypt ignores the rest).");
        }
        if (password.chars().distinct().count() == 1) {
            throw new IllegalArgumentException("password: must not be one character repeated." + hint);
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            throw new IllegalArgumentException("password: must not be the user name." + hint);
        }
        if (COMMON_PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "password: is one of the commonest passwords, which are tried first." + hint);
        }
        return password;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException(COMMON + " is missing from the jar; rebuild it.");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(l -> words.add(l.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
