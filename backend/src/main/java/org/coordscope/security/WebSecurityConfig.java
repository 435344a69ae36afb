package org.coordscope.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what (docs/security.md has the table). Browsers sign in on {@code /login} (a form with a CSRF
 * token) and keep a session; scripts send HTTP Basic on any path, and the first such request opens a session
 * too, so later calls with the {@code JSESSIONID} cookie skip the password hash. {@code /api/**} answers 401
 * and 403 as JSON problem details; pages redirect to the login page. Unlisted {@code /api} endpoints need admin.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurityConfig {

    static final String LOGIN = "/login";

    /**
     * The Content-Security-Policy, fit for the built UI (docs/hardening.md): scripts only from this server, no
     * inline script or eval; the layout worker (graphology's ForceAtlas2) starts from a blob: URL; styles may be
     * inline (the login page, Swagger UI, sigma.js set them), images from data: and blob: (the favicon, exports); no
     * plugins, no framing, forms and fetches only to this server.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; worker-src 'self' blob:;"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String ADMIN = Role.ADMIN.name();
    private static final String INVESTIGATOR = Role.INVESTIGATOR.name();

    /** The sign-in throttle's limits: {@code coordscope.security.sign-in.*} (docs/hardening.md). */
    @Bean
    SignInThrottle signInThrottle(
            @Value("${coordscope.security.sign-in.free-failures-per-user:5}") int perUser,
            @Value("${coordscope.security.sign-in.free-failures-per-address:30}") int perAddress,
            @Value("${coordscope.security.sign-in.first-delay:1s}") Duration firstDelay,
            @Value("${coordscope.security.sign-in.window:15m}") Duration window,
            @Value("${coordscope.security.sign-in.max-delay:15m}") Duration maxDelay) {
        return new SignInThrottle(
                new SignInThrottle.Settings(perUser, perAddress, firstDelay, window, maxDelay), Clock.systemUTC());
    }

    /**
     * The one password check, for the form and HTTP Basic: Spring's DAO provider behind the throttle. Being the only
     * {@link AuthenticationProvider} bean, it replaces the provider Spring would build from {@link UserService}.
     */
    @Bean
    AuthenticationProvider throttledSignIn(
            UserService users, PasswordEncoder encoder, SignInThrottle throttle, AuditLog audit) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledSignIn(passwords, throttle, audit);
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, ObjectMapper json, UserService users) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        ProblemResponses problems = new ProblemResponses(json);
        AuthenticationEntryPoint entryPoint = throttledOr(problems, entryPoint(api, problems.unauthorized()));
        var contexts = new DelegatingSecurityContextRepository(
                new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
        // after signing in, go back to the page asked for, never to an API URL
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new AndRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/**"),
                new NegatedRequestMatcher(api)));

        http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", LOGIN, "/favicon.ico")
                        .permitAll()
                        // admin: change what the evidence is, and manage users
                        .requestMatchers("/api/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/imports", "/api/detections")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/runs/*", "/api/datasets/*")
                        .hasRole(ADMIN)
                        // investigator: read everything, run saved queries, export, mark suspects
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole(INVESTIGATOR)
                        .requestMatchers(HttpMethod.POST, "/api/queries/*/run", "/api/exports/graph")
                        .hasRole(INVESTIGATOR)
                        .requestMatchers(HttpMethod.PUT, "/api/marks", "/api/allowlist")
                        .hasRole(INVESTIGATOR)
                        .requestMatchers(HttpMethod.DELETE, "/api/marks", "/api/allowlist")
                        .hasRole(INVESTIGATOR)
                        // anything else under /api (a new endpoint nobody mapped yet): admin only
                        .requestMatchers("/api/**")
                        .hasRole(ADMIN)
                        // the UI, the OpenAPI description and Swagger UI, other actuator endpoints
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage(LOGIN).permitAll().failureHandler(formFailure()))
                .httpBasic(basic -> basic.authenticationEntryPoint(entryPoint).securityContextRepository(contexts))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LOGIN + "?logout"))
                .csrf(csrf -> csrf
                        // the token lives in the session, not in a cookie a sibling site could plant (issue 19)
                        .csrfTokenRepository(sessionTokens())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                        // a request that carries its own credentials is not forged by a browser: browsers attach
                        // Authorization only after a WWW-Authenticate challenge, which this server never sends
                        .ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                // before Basic, so that a request whose session just ended may still sign in with its own header
                .addFilterBefore(new SessionCheck(users, problems), BasicAuthenticationFilter.class)
                // X-Content-Type-Options: nosniff and Cache-Control stay Spring Security's defaults
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // links out of the UI (an account's page, a shared URL) do not tell the site who looked
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frames -> frames.deny()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied(api, problems.forbidden(), entryPoint)));
        return http.build();
    }

    /** The CSRF token held in the HTTP session; the UI asks {@link CsrfController} for it. */
    static HttpSessionCsrfTokenRepository sessionTokens() {
        HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
        tokens.setHeaderName(CsrfController.HEADER);
        return tokens;
    }

    /**
     * A throttled sign-in answers 429 on every path, one the database could not check 503; any other failure goes to
     * {@code otherwise}.
     */
    private static AuthenticationEntryPoint throttledOr(ProblemResponses problems, AuthenticationEntryPoint otherwise) {
        return (request, response, e) -> {
            if (e instanceof ThrottledSignIn.ThrottledException throttled) {
                problems.tooManySignIns(request, response, throttled);
            } else if (e instanceof ThrottledSignIn.DatabaseDownException) {
                problems.databaseDown(request, response, e);
            } else {
                otherwise.commence(request, response, e);
            }
        };
    }

    /**
     * The form's failures: back to the form, or the form with the reason: throttled (the wait, answered 429) or the
     * database down (503).
     */
    private static AuthenticationFailureHandler formFailure() {
        AuthenticationFailureHandler back = new SimpleUrlAuthenticationFailureHandler(LOGIN + "?error");
        return (request, response, e) -> {
            if (e instanceof ThrottledSignIn.ThrottledException throttled) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(LoginPage.render(request, LoginPage.alert(throttled.getMessage())));
            } else if (e instanceof ThrottledSignIn.DatabaseDownException) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write(LoginPage.render(request, LoginPage.alert(e.getMessage())));
            } else {
                back.onAuthenticationFailure(request, response, e);
            }
        };
    }

    private static AuthenticationEntryPoint entryPoint(RequestMatcher api, AuthenticationEntryPoint json) {
        var byPath = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        byPath.put(api, json);
        var delegating = new DelegatingAuthenticationEntryPoint(byPath);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN));
        return delegating;
    }

    /**
     * 403 for a signed-in user without the role. A caller nobody signed in gets 401 instead, also when the CSRF
     * check (which runs before authentication) is what stopped it: "sign in" is what they need to hear first.
     */
    private static AccessDeniedHandler accessDenied(
            RequestMatcher api, AccessDeniedHandler json, AuthenticationEntryPoint signIn) {
        AccessDeniedHandler pages = new AccessDeniedHandlerImpl();
        AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
        return (request, response, e) -> {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (api.matches(request) && (who == null || trust.isAnonymous(who))) {
                signIn.commence(request, response, new InsufficientAuthenticationException(e.getMessage(), e));
            } else {
                (api.matches(request) ? json : pages).handle(request, response, e);
            }
        };
    }

    /**
     * Spring Security's firewall, letting an encoded slash through: account ids such as {@code +Ab/cd==} and cluster
     * ids such as {@code run/3} travel as one path segment with {@code %2F} (see web.EncodedSlashes), which Tomcat
     * leaves encoded, so the servlet path holds a {@code %} too. Every path still meets the rules above, and an
     * {@code /api} path they do not name needs admin.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        firewall.setAllowUrlEncodedDoubleSlash(true);
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }
}
