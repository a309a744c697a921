package dev.mamori.policy;

/** The answer of a decision, from most to least permissive. */
public enum Outcome {
    ALLOW, ALLOW_WITH_CONDITIONS, DENY;

    public boolean stricterThan(Outcome other) {
        return ordinal() > other.ordinal();
    }
}
