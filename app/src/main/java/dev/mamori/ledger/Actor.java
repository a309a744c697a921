package dev.mamori.ledger;

/**
 * Who caused a recorded change: a signed-in account (optionally linked to a person), an API token
 * of an account, or Mamori itself (scheduled jobs, start-up, event listeners).
 */
public record Actor(Kind kind, Long accountId, String username, Long personId) {

    public enum Kind { USER, TOKEN, SYSTEM, ANONYMOUS }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, null, "system", null);
    }

    public static Actor anonymous(String attemptedUsername) {
        return new Actor(Kind.ANONYMOUS, null, attemptedUsername, null);
    }
}
