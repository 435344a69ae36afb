package org.coordscope.security;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hands the signed-in page its session's CSRF token. Another site cannot read this answer (same-origin policy, no
 * CORS), and a token planted in a cookie counts for nothing, so a forged request has no token to send.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CsrfController {

    /** The request header the UI sends the token in. */
    static final String HEADER = "X-XSRF-TOKEN";

    @GetMapping("/api/csrf")
    Map<String, String> token(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }
}
