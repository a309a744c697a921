package dev.mamori.inventory;

import java.time.Instant;
import java.util.List;

/** A recorded evaluation of an entry, with who made it and when. */
public record EvaluationView(long id, long assetId, Long evaluatedByPersonId, String evaluatedByName, Instant evaluatedAt,
                             int total, long lossMinYen, long lossMaxYen, String note, List<ScoreView> scores) {

    public record ScoreView(String criterion, int score, String rationale) {
    }
}
