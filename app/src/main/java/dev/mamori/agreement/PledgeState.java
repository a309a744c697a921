package dev.mamori.agreement;

/**
 * Where a person stands with a kind of pledge: signed (and still in force), signed but its term has ended,
 * asked and not yet answered, refused, or never asked.
 */
public enum PledgeState {
    SIGNED, EXPIRED, PENDING, REFUSED, NONE;

    public String messageKey() {
        return "agreement.state." + name();
    }
}
