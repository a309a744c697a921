package dev.mamori.platform.internal.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.mamori.ledger.Actor;
import dev.mamori.ledger.ActorResolver;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;

/**
 * Reads the signed-in account from Spring Security for other modules and for the ledger.
 */
@Component
class SecurityContextUsers implements CurrentUsers, ActorResolver {

    static Optional<MamoriUserDetails> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof MamoriUserDetails user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    @Override
    public Optional<CurrentUser> current() {
        return principal().map(MamoriUserDetails::toCurrentUser);
    }

    @Override
    public Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return principal()
                .map(u -> new Actor(auth instanceof ApiTokenAuthentication ? Actor.Kind.TOKEN : Actor.Kind.USER,
                        u.accountId(), u.getUsername(), u.personId()))
                .orElseGet(Actor::system);
    }
}
