package dev.mamori.vault.internal;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;

/**
 * Records an attempt the vault refused in a transaction of its own, so the entry stays although the caller's
 * transaction rolls back with the refusal. Called before the caller has written anything to the ledger.
 */
@Component
class Refusals {

    private final Ledger ledger;

    Refusals(Ledger ledger) {
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String action, Subject subject, Map<String, ?> details) {
        ledger.record(action, subject, details);
    }
}
