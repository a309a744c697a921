package dev.mamori.access;

import dev.mamori.policy.Action;

/** How far a grant lets its holder go with an entry: VIEW &lt; DOWNLOAD &lt; EDIT. */
public enum AccessLevel {
    VIEW, DOWNLOAD, EDIT;

    /**
     * The least level an action needs: viewing needs VIEW; anything that makes or passes on a copy
     * (download, copy, print, take out, e-mail, distribute, give to a third party) needs DOWNLOAD; disposal
     * needs EDIT.
     */
    public static AccessLevel requiredFor(Action action) {
        return switch (action) {
            case VIEW -> VIEW;
            case DISPOSE -> EDIT;
            default -> DOWNLOAD;
        };
    }

    public boolean covers(AccessLevel other) {
        return ordinal() >= other.ordinal();
    }

    public String messageKey() {
        return "access.level." + name();
    }
}
