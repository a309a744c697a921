package dev.mamori.inventory;

import java.time.Instant;

/** A recorded decision: what Mamori recommended, what was chosen and why, by whom and when. */
public record DecisionView(long id, SecrecyAnswers answers, SecrecyOutcome recommended, SecrecyOutcome chosen,
                           String reason, Long decidedByPersonId, String decidedByName, Instant decidedAt) {
}
