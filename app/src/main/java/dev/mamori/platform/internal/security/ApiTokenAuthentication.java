package dev.mamori.platform.internal.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An authentication made by a personal API token ({@code Authorization: Bearer …}).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final MamoriUserDetails principal;
    private final long tokenId;

    ApiTokenAuthentication(MamoriUserDetails principal, long tokenId) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    long tokenId() {
        return tokenId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }
}
