package dev.mamori.measure.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.ledger.Ledger;
import dev.mamori.measure.EvidenceSource;
import dev.mamori.measure.EvidenceSummary;

/**
 * "The audit trail is kept" (ログの記録・保存): how many entries the ledger holds and its latest signed
 * checkpoint. OK once a checkpoint exists.
 */
@Component
class LedgerEvidenceSource implements EvidenceSource {

    static final String KEY = "ledger.trail";

    private final Ledger ledger;
    private final Clock clock;

    LedgerEvidenceSource(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String messageKey() {
        return "measure.evidence.source.ledger";
    }

    @Override
    public EvidenceSummary current() {
        long entries = ledger.count();
        return ledger.latestCheckpoint()
                .map(c -> new EvidenceSummary(KEY, EvidenceSummary.State.OK, "measure.evidence.ledger.ok",
                        List.of(entries, c.treeSize(), c.signedAt().toString()), clock.instant()))
                .orElseGet(() -> new EvidenceSummary(KEY, entries == 0 ? EvidenceSummary.State.NONE
                        : EvidenceSummary.State.ATTENTION, "measure.evidence.ledger.noCheckpoint", List.of(entries),
                        clock.instant()));
    }
}
