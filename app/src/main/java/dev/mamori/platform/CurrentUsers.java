package dev.mamori.platform;

import java.util.Optional;

/**
 * Who is signed in on this thread, for services that apply scopes.
 */
public interface CurrentUsers {

    Optional<CurrentUser> current();

    /** The current user; refuses with {@link AccessRefusedException} when nobody is signed in. */
    default CurrentUser require() {
        return current().orElseThrow(() -> new AccessRefusedException("platform.error.notSignedIn"));
    }
}
