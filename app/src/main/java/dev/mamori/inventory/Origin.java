package dev.mamori.inventory;

/** How the company came to hold the information. */
public enum Origin {
    OWN, RECEIVED, JOINT;

    public String messageKey() {
        return "inventory.origin." + name();
    }
}
