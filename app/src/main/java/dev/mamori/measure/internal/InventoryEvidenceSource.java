package dev.mamori.measure.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.inventory.Inventory;
import dev.mamori.measure.EvidenceSource;
import dev.mamori.measure.EvidenceSummary;

/**
 * "Secret information is identified and reviewed": the register entries the reader sees and how many are
 * overdue for review, counted by the inventory module with the reader's visibility.
 */
@Component
class InventoryEvidenceSource implements EvidenceSource {

    static final String KEY = "inventory.register";

    private final Inventory inventory;
    private final Clock clock;

    InventoryEvidenceSource(Inventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String messageKey() {
        return "measure.evidence.source.inventory";
    }

    @Override
    public EvidenceSummary current() {
        long visible = inventory.countVisible();
        long overdue = inventory.countReviewOverdue();
        EvidenceSummary.State state = visible == 0 ? EvidenceSummary.State.NONE
                : overdue > 0 ? EvidenceSummary.State.ATTENTION : EvidenceSummary.State.OK;
        return new EvidenceSummary(KEY, state, "measure.evidence.inventory.summary", List.of(visible, overdue),
                clock.instant());
    }
}
