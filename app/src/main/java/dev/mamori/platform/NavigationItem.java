package dev.mamori.platform;

import java.util.Set;

/**
 * An entry of the side navigation. Shown to users holding any of {@code visibleTo}
 * (empty: every signed-in user).
 */
public record NavigationItem(String id, String messageKey, String path, int order, Set<Role> visibleTo) {

    public boolean visibleFor(CurrentUser user) {
        return visibleTo.isEmpty() || visibleTo.stream().anyMatch(user::has);
    }
}
