package dev.mamori.inventory;

import java.util.Map;

/**
 * An evaluation: a score with a written rationale for every criterion, and the estimated loss if the
 * information leaked, as a range in yen.
 */
public record EvaluationDraft(Map<String, Score> scores, Long lossMinYen, Long lossMaxYen, String note) {

    public EvaluationDraft {
        scores = scores == null ? Map.of() : Map.copyOf(scores);
    }

    public record Score(Integer score, String rationale) {
    }
}
