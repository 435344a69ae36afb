package org.coordscope.security;

import java.security.Principal;
import java.util.List;
import java.util.stream.Collectors;
import org.coordscope.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in ({@code /api/me}, any user) and user management ({@code /api/admin/users}, admins). */
@RestController
class UserController {

    /** Body of {@code POST /api/admin/users}; a missing password is generated and answered once. */
    record NewUser(String username, String password, List<String> roles) {}

    /** Body of {@code POST /api/admin/users/{username}/password}; a missing password is generated and answered once. */
    record NewPassword(String password) {}

    /** Who is signed in, with the roles that take effect (admin includes investigator's). */
    record Me(String username, List<String> roles) {}

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @GetMapping("/api/me")
    Me me(Authentication auth) {
        return new Me(
                auth.getName(),
                auth.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> Role.valueOf(a.substring(5)).id())
                        .collect(Collectors.toList()));
    }

    @GetMapping("/api/admin/users")
    Page<UserInfo> list() {
        return Page.of(users.list());
    }

    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserService.Credentials add(Principal principal, @RequestBody NewUser body) {
        return users.add(AuditLog.actor(principal), body.username(), body.password(), body.roles());
    }

    @PostMapping("/api/admin/users/{username}/disable")
    UserInfo disable(Principal principal, @PathVariable String username) {
        return users.setEnabled(AuditLog.actor(principal), username, false);
    }

    @PostMapping("/api/admin/users/{username}/enable")
    UserInfo enable(Principal principal, @PathVariable String username) {
        return users.setEnabled(AuditLog.actor(principal), username, true);
    }

    @PostMapping("/api/admin/users/{username}/password")
    UserService.Credentials resetPassword(
            Principal principal, @PathVariable String username, @RequestBody(required = false) NewPassword body) {
        return users.resetPassword(AuditLog.actor(principal), username, body == null ? null : body.password());
    }
}
