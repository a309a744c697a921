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
    private final VerifiedTokens verified;
    private final AuthenticationEntryPoint entryPoint;
    private final Clock clock;

    ApiTokenAuthenticationFilter(ApiTokens tokens, AccountRepository accounts, VerifiedTokens verified,
                                 AuthenticationEntryPoint entryPoint, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.verified = verified;
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
        var authentication = secret.isEmpty() ? Optional.<ApiTokenAuthentication>empty() : authenticate(secret, now);
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

    /** The token's authentication: from a recent verification when one is still trusted, else from the database. */
    private Optional<ApiTokenAuthentication> authenticate(String secret, Instant now) {
        String hash = ApiTokens.hash(secret);
        VerifiedTokens.Verified v = verified.get(hash, now);
        if (v == null) {
            v = load(hash, verified.generation());
            if (v == null) {
                return Optional.empty();
            }
            verified.put(hash, v);
        } else {
            verified.refreshAhead(hash, v, now, generation -> load(hash, generation));
        }
        AccountRecord a = v.account();
        if (!a.enabled() || a.lockedAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new ApiTokenAuthentication(new MamoriUserDetails(a, v.roles(), now), v.tokenId()));
    }

    /** The token, its account and roles from the database (the token's last use recorded), or null when refused. */
    private VerifiedTokens.Verified load(String hash, long generation) {
        Instant at = clock.instant();
        return tokens.verify(hash).flatMap(t -> accounts.findById(t.accountId())
                .map(a -> new VerifiedTokens.Verified(t.id(), t.expiresAt(), a, accounts.rolesOf(a.id()),
                        generation, at))).orElse(null);
    }
}
