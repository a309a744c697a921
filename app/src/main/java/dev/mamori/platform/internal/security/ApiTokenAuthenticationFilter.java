package dev.mamori.platform.internal.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the API. A present but invalid, expired,
 * revoked or locked token is refused with 401 at once.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountRepository accounts;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;

    ApiTokenAuthenticationFilter(ApiTokens tokens, AccountRepository accounts, AuthenticationEntryPoint entryPoint,
                                 Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.entryPoint = entryPoint;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        Instant now = clock.instant();
        var authentication = secret.isEmpty() ? Optional.<ApiTokenAuthentication>empty()
                : tokens.authenticate(secret)
                .flatMap(ids -> accounts.findById(ids[1])
                        .filter(a -> a.enabled() && !a.lockedAt(now))
                        .map(a -> new ApiTokenAuthentication(
                                new MamoriUserDetails(a, accounts.rolesOf(a.id()), now), ids[0])));
        if (authentication.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("invalid token"));
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
