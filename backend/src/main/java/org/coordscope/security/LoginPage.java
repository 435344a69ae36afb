package org.coordscope.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one plain form, no script, that posts user name, password and the (masked) CSRF token to
 * Spring Security's {@code POST /login}.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoginPage {

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="UTF-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>Sign in · CoordScope</title>
            <link rel="icon" href="data:,">
            <style>
            body { font: 15px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
            main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem 2.25rem;
                   border: 1px solid #d8dce3; border-radius: 8px; }
            h1 { font-size: 1.4rem; margin: 0 0 1.25rem; }
            label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
            input { width: 100%%; box-sizing: border-box; padding: .5rem .6rem; font: inherit;
                    border: 1px solid #b8bfcc; border-radius: 4px; }
            button { margin-top: 1.25rem; width: 100%%; padding: .6rem; font: inherit; font-weight: 600;
                     color: #fff; background: #2f5bd3; border: 0; border-radius: 4px; cursor: pointer; }
            .note { padding: .5rem .75rem; border-radius: 4px; margin-bottom: 1rem; }
            .error { background: #fdecec; color: #8a1c1c; }
            .info { background: #e9f3ea; color: #1f5a27; }
            p.hint { color: #5b6475; font-size: .85rem; margin-top: 1.25rem; }
            </style>
            </head>
            <body>
            <main>
            <h1>CoordScope</h1>
            %s
            <form method="post" action="login">
            <label for="username">User name</label>
            <input id="username" name="username" autocomplete="username" required autofocus>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <input type="hidden" name="%s" value="%s">
            <button type="submit">Sign in</button>
            </form>
            <p class="hint">No account yet? An admin adds users (Users page, or <code>users add</code> on the
            server). The first start prints the <code>admin</code> password.</p>
            </main>
            </body>
            </html>
            """;

    @GetMapping(path = WebSecurityConfig.LOGIN, produces = MediaType.TEXT_HTML_VALUE)
    String page(
            HttpServletRequest request,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout) {
        return render(
                request,
                error != null
                        ? alert("Wrong user name or password, or the user is disabled.")
                        : logout != null ? "<p class=\"note info\" role=\"status\">You are signed out.</p>" : "");
    }

    /** The page with an alert above the form (the sign-in refusals answer it too). */
    static String render(HttpServletRequest request, String note) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return PAGE.formatted(
                note, HtmlUtils.htmlEscape(token.getParameterName()), HtmlUtils.htmlEscape(token.getToken()));
    }

    static String alert(String text) {
        return "<p class=\"note error\" role=\"alert\">" + HtmlUtils.htmlEscape(text) + "</p>";
    }
}
