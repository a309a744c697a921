package dev.mamori.inventory;

import java.util.List;

/** Mamori's recommended outcome and the reasons for it, as message keys. */
public record SecrecyRecommendation(SecrecyOutcome outcome, List<String> reasonKeys) {
}
