package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mamori.ledger.CheckpointSummary;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.Indicator;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessIndicator.Missing;
import dev.mamori.measure.SecretUnderReview;

/**
 * Whether the audit trail shows who viewed or downloaded the secret: the secret's own history in the ledger
 * (30), covered by a signed checkpoint (20), and entries of views or downloads ({@code *.viewed},
 * {@code *.downloaded} about the asset; 50) — which the module that serves the secret's files records.
 */
@Component
class LedgerReadiness implements ReadinessContributor {

    private final Ledger ledger;

    LedgerReadiness(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public List<ReadinessIndicator> indicators(SecretUnderReview s) {
        return List.of(indicator(ledger.historyOf(Subject.of("asset", s.assetId())),
                ledger.latestCheckpoint().orElse(null)));
    }

    /** The latest checkpoint is read once; each secret's history is still one query (the ledger has no batch). */
    @Override
    public Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        CheckpointSummary checkpoint = ledger.latestCheckpoint().orElse(null);
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        secrets.forEach(s -> all.put(s.assetId(),
                List.of(indicator(ledger.historyOf(Subject.of("asset", s.assetId())), checkpoint))));
        return all;
    }

    static ReadinessIndicator indicator(List<LedgerEntry> history, CheckpointSummary checkpoint) {
        int score = 0;
        List<Missing> missing = new ArrayList<>();
        long accesses = history.stream().filter(e -> e.action().endsWith(".viewed") || e.action().endsWith(".downloaded"))
                .count();
        long lastSeq = history.stream().mapToLong(LedgerEntry::seq).max().orElse(0);
        if (!history.isEmpty()) {
            score += 30;
        }
        if (!history.isEmpty() && checkpoint != null && checkpoint.treeSize() >= lastSeq) {
            score += 20;
        } else {
            missing.add(Missing.of("measure.readiness.missing.notCheckpointed", "measure.readiness.action.notCheckpointed"));
        }
        if (accesses > 0) {
            score += 50;
        } else {
            missing.add(Missing.of("measure.readiness.missing.noAccessRecords", "measure.readiness.action.noAccessRecords"));
        }
        return new ReadinessIndicator(Indicator.ACCESS_LOGGED, score, "ledger", "measure.readiness.summary.trail",
                List.of(history.size(), accesses), missing);
    }
}
