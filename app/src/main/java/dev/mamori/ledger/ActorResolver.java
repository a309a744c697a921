package dev.mamori.ledger;

/**
 * Tells the ledger who is acting right now. The platform module implements it from the security
 * context; without an implementation every entry is attributed to the system.
 */
public interface ActorResolver {

    Actor currentActor();
}
