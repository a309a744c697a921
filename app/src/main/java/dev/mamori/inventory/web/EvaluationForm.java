package dev.mamori.inventory.web;

import java.util.HashMap;
import java.util.Map;

import dev.mamori.inventory.EvaluationDraft;

/**
 * The evaluation form: {@code score[CODE]} and {@code rationale[CODE]} per criterion, and the loss range.
 */
public record EvaluationForm(Map<String, Integer> score, Map<String, String> rationale, Long lossMinYen,
                             Long lossMaxYen, String note) {

    static EvaluationForm empty() {
        return new EvaluationForm(new HashMap<>(), new HashMap<>(), null, null, null);
    }

    EvaluationDraft toDraft() {
        Map<String, EvaluationDraft.Score> scores = new HashMap<>();
        if (score != null) {
            score.forEach((code, value) -> scores.put(code, new EvaluationDraft.Score(value,
                    rationale == null ? null : rationale.get(code))));
        }
        if (rationale != null) {
            rationale.forEach((code, text) -> scores.putIfAbsent(code, new EvaluationDraft.Score(null, text)));
        }
        return new EvaluationDraft(scores, lossMinYen, lossMaxYen, note);
    }
}
