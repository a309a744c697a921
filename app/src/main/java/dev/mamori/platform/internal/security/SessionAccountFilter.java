package dev.mamori.platform.internal.security;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in account again on every page request, so an administrator's change applies at
 * once: the session of a disabled or deleted account ends (the request continues as anonymous and is
 * sent to the login page), and changed roles, name or language replace those remembered at login.
 */
class SessionAccountFilter extends OncePerRequestFilter {

    private final AccountRepository accounts;
    private final Clock clock;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SessionAccountFilter(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Style sheets, scripts and images need no fresh look at the account. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof UsernamePasswordAuthenticationToken && auth.getPrincipal() instanceof MamoriUserDetails user) {
            Optional<AccountRecord> stored = accounts.findById(user.accountId());
            if (stored.isEmpty() || !stored.get().enabled()) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                List<RoleGrant> roles = accounts.rolesOf(user.accountId());
                if (!user.sameAs(stored.get(), roles)) {
                    MamoriUserDetails fresh = new MamoriUserDetails(stored.get(), roles, clock.instant());
                    fresh.eraseCredentials();
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null,
                            fresh.getAuthorities()));
                    SecurityContextHolder.setContext(context);
                    repository.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
