package org.coordscope.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * CSRF for a single-page application with the token held in the session: the UI gets it from
 * {@code GET /api/csrf} and sends it in {@code X-XSRF-TOKEN}; the login form's {@code _csrf} field in the form
 * body carries it too. Both are BREACH-masked (a fresh mask on each answer) and unmasked by the XOR handler. A {@code _csrf} in the
 * query string is never accepted (it would leak through logs and Referer, and a link could carry it).
 */
final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        masked.handle(request, response, csrfToken);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        boolean inHeader = StringUtils.hasText(request.getHeader(csrfToken.getHeaderName()));
        return inHeader || isFormPost(request) && !inQueryString(request, csrfToken.getParameterName())
                ? masked.resolveCsrfTokenValue(request, csrfToken)
                : null;
    }

    private static boolean isFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        return HttpMethod.POST.matches(request.getMethod())
                && type != null
                && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
    }

    private static boolean inQueryString(HttpServletRequest request, String parameter) {
        String query = request.getQueryString();
        return query != null
                && UriComponentsBuilder.newInstance()
                        .query(query)
                        .build()
                        .getQueryParams()
                        .containsKey(parameter);
    }
}
