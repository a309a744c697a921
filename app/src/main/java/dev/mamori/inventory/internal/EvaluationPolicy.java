package dev.mamori.inventory.internal;

import java.util.List;
import java.util.Set;

import dev.mamori.inventory.EvaluationDraft;
import dev.mamori.platform.InvalidInputException;

/**
 * The rules of an evaluation and of its two results. Every criterion gets a score on the scale and a
 * rationale; the loss is a yen range. The relative tier comes from the entry's place among all evaluated
 * entries; the absolute band from the upper end of its loss range (bands are Mamori's defaults:
 * under ¥10 million, under ¥100 million, under ¥1 billion, above).
 */
public final class EvaluationPolicy {

    static final long TEN_MILLION = 10_000_000L;

    private EvaluationPolicy() {
    }

    public static int check(EvaluationDraft d, List<String> criteria, Set<Integer> scale) {
        int total = 0;
        for (String c : criteria) {
            EvaluationDraft.Score s = d.scores().get(c);
            if (s == null || s.score() == null || !scale.contains(s.score())) {
                throw InvalidInputException.onField("score." + c, "inventory.evaluation.scoreRequired", c);
            }
            if (s.rationale() == null || s.rationale().isBlank()) {
                throw InvalidInputException.onField("rationale." + c, "inventory.evaluation.rationaleRequired", c);
            }
            total += s.score();
        }
        for (String c : d.scores().keySet()) {
            if (!criteria.contains(c)) {
                throw InvalidInputException.onField("scores", "inventory.evaluation.criterionUnknown", c);
            }
        }
        if (d.lossMinYen() == null || d.lossMaxYen() == null || d.lossMinYen() < 0 || d.lossMaxYen() < d.lossMinYen()) {
            throw InvalidInputException.onField("lossMinYen", "inventory.evaluation.lossRangeInvalid");
        }
        return total;
    }

    /** I for the top fifth, II for the next three tenths, III for the rest; {@code percentRank} 0..1, 1 = highest. */
    public static String tier(double percentRank) {
        if (percentRank >= 0.8) {
            return "I";
        }
        return percentRank >= 0.5 ? "II" : "III";
    }

    public static String lossBand(long lossMaxYen) {
        if (lossMaxYen < TEN_MILLION) {
            return "SMALL";
        }
        if (lossMaxYen < 10 * TEN_MILLION) {
            return "MEDIUM";
        }
        return lossMaxYen < 100 * TEN_MILLION ? "LARGE" : "SEVERE";
    }
}
