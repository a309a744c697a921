package dev.mamori.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mamori.inventory.EvaluationDraft;

class EvaluationPolicyTests {

    static final List<String> CRITERIA = List.of("VALUE_NOW", "OWN_LOSS");
    static final Set<Integer> SCALE = Set.of(1, 2, 3, 4, 5);

    static EvaluationDraft draft(Integer a, String whyA, Integer b, long min, long max) {
        Map<String, EvaluationDraft.Score> scores = new HashMap<>();
        scores.put("VALUE_NOW", new EvaluationDraft.Score(a, whyA));
        scores.put("OWN_LOSS", new EvaluationDraft.Score(b, "主力製品の競争力を失う"));
        return new EvaluationDraft(scores, min, max, null);
    }

    @Test
    void sumsTheScoresOfACompleteEvaluation() {
        assertThat(EvaluationPolicy.check(draft(4, "売上の3割を支える", 5, 0, 100), CRITERIA, SCALE)).isEqualTo(9);
    }

    @Test
    void needsEveryCriterionScoredOnTheScaleWithARationale() {
        assertThatThrownBy(() -> EvaluationPolicy.check(draft(null, "x", 5, 0, 1), CRITERIA, SCALE))
                .hasMessageContaining("scoreRequired");
        assertThatThrownBy(() -> EvaluationPolicy.check(draft(6, "x", 5, 0, 1), CRITERIA, SCALE))
                .hasMessageContaining("scoreRequired");
        assertThatThrownBy(() -> EvaluationPolicy.check(draft(3, " ", 5, 0, 1), CRITERIA, SCALE))
                .hasMessageContaining("rationaleRequired");
    }

    @Test
    void needsASensibleLossRange() {
        assertThatThrownBy(() -> EvaluationPolicy.check(draft(3, "x", 5, 10, 1), CRITERIA, SCALE))
                .hasMessageContaining("lossRangeInvalid");
        assertThatThrownBy(() -> EvaluationPolicy.check(draft(3, "x", 5, -1, 1), CRITERIA, SCALE))
                .hasMessageContaining("lossRangeInvalid");
    }

    @Test
    void placesEntriesInRelativeTiersAndAbsoluteBands() {
        assertThat(EvaluationPolicy.tier(1.0)).isEqualTo("I");
        assertThat(EvaluationPolicy.tier(0.8)).isEqualTo("I");
        assertThat(EvaluationPolicy.tier(0.5)).isEqualTo("II");
        assertThat(EvaluationPolicy.tier(0.49)).isEqualTo("III");
        assertThat(EvaluationPolicy.lossBand(9_999_999)).isEqualTo("SMALL");
        assertThat(EvaluationPolicy.lossBand(10_000_000)).isEqualTo("MEDIUM");
        assertThat(EvaluationPolicy.lossBand(500_000_000)).isEqualTo("LARGE");
        assertThat(EvaluationPolicy.lossBand(1_000_000_000)).isEqualTo("SEVERE");
    }
}
