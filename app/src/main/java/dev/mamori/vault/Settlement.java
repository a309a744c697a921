package dev.mamori.vault;

/** How a numbered copy was collected (回収): handed back, or destroyed under the issuer's control. */
public enum Settlement {
    RETURNED, DESTROYED;

    public String messageKey() {
        return "vault.settlement." + name();
    }
}
