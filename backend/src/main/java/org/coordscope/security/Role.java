package org.coordscope.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do. An {@code investigator} explores, runs saved queries, exports and marks suspects; an
 * {@code admin} may do all that and also import, detect, delete runs and datasets, and manage users.
 * Stored in Neo4j by {@link #id()}; Spring Security sees {@code ROLE_INVESTIGATOR} and {@code ROLE_ADMIN}, with
 * admin implying investigator ({@link SecurityBeans#roleHierarchy()}).
 */
public enum Role {
    INVESTIGATOR,
    ADMIN;

    /** The name users see and the store keeps: {@code investigator}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granted authority Spring Security checks. */
    String authority() {
        return "ROLE_" + name();
    }

    /** Reads a role by its id, any case; an unknown name is refused with the known ones. */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("roles: '" + id + "' is not a role; use " + known() + ".");
    }

    static String known() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(" or "));
    }
}
