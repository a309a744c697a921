package dev.mamori.inventory;

/** The handbook's broad kinds of information. */
public enum AssetKind {
    BUSINESS, TECHNICAL, OTHER;

    public String messageKey() {
        return "inventory.kind." + name();
    }
}
