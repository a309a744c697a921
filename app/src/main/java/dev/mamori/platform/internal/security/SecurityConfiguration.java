package dev.mamori.platform.internal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Two filter chains: the REST API under {@code /api/**} and SCIM provisioning under {@code /scim/v2/**}
 * (stateless, bearer tokens, 401/403 as JSON)
 * and the web UI (form login, session, CSRF, a Content-Security-Policy that allows no inline script).
 * Which roles may use which page or endpoint is declared on each handler with {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(); // Argon2id
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, BearerTokenVerifier verifier, MessageSource messages,
                                 LocaleResolver locales) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> writeProblem(request, response, 401,
                messages.getMessage("platform.error.unauthorized", null, locales.resolveLocale(request)));
        AccessDeniedHandler forbidden = (request, response, ex) -> writeProblem(request, response, 403,
                messages.getMessage("platform.error.forbidden", null, locales.resolveLocale(request)));
        http.securityMatcher("/api/**", "/scim/v2/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(verifier, unauthorized),
                        UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    /**
     * The web UI. An htmx request without a valid session (it expired, or the user signed out in another
     * tab) is answered with {@code HX-Refresh: true} rather than the login page, so htmx reloads the whole
     * page, which then redirects to the login page instead of swapping it into a fragment. The same holds
     * for an htmx POST whose CSRF token died with its session. htmx requests are not remembered as the
     * page to return to after login; the full page that reloads is.
     */
    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, AccountRepository accounts, Clock clock, MessageSource messages,
                          LocaleResolver locales) throws Exception {
        RequestHeaderRequestMatcher htmx = new RequestHeaderRequestMatcher("HX-Request");
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !htmx.matches(request)
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && !request.getRequestURI().endsWith("/favicon.ico"));
        AccessDeniedHandler pages = new AccessDeniedHandlerImpl();
        AccessDeniedHandler denied = (request, response, ex) -> {
            if (htmx.matches(request) && ex instanceof CsrfException) {
                response.setHeader("HX-Refresh", "true");
            } else if (htmx.matches(request)) {
                // an htmx request refused by its @PreAuthorize: show the refusal in the error region, not in a cell
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setHeader("HX-Retarget", "#platform-error");
                response.setHeader("HX-Reswap", "innerHTML");
                response.setContentType("text/html;charset=UTF-8");
                String text = messages.getMessage("platform.error.forbidden", null, locales.resolveLocale(request));
                response.getWriter().write("<div class=\"alert alert-error\">" + HtmlUtils.htmlEscape(text) + "</div>");
                return;
            }
            pages.handle(request, response, ex);
        };
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .requestCache(c -> c.requestCache(requestCache))
                .addFilterBefore(new SessionAccountFilter(accounts, clock), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(), htmx)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                request -> true)
                        .accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A problem+json body; under {@code /scim/v2/} a SCIM error (RFC 7644 3.12) instead. */
    static void writeProblem(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response, int status,
                             String detail) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/scim/v2/")) {
            response.setStatus(status);
            response.setContentType("application/scim+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
            response.getWriter().write("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\""
                    + status + "\",\"detail\":\"" + escaped + "\"}");
            return;
        }
        writeProblem(response, status, detail);
    }

    static void writeProblem(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter().write("{\"status\":" + status + ",\"title\":\""
                + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"detail\":\"" + escaped + "\"}");
    }
}
