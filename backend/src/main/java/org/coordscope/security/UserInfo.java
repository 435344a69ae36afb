package org.coordscope.security;

import java.util.List;

/** A user as the API and the CLI show it: never the password hash. */
public record UserInfo(String username, List<String> roles, boolean enabled, String createdAt) {

    boolean isAdmin() {
        return roles.contains(Role.ADMIN.id());
    }
}
