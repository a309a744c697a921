package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.mamori.measure.Indicator;
import dev.mamori.measure.Readiness;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessIndicator.Missing;
import dev.mamori.measure.Requirement;

/**
 * Puts the contributed indicators of a secret together: one per {@link Indicator} in its order (where two
 * modules contribute the same indicator the lower score stands), an indicator nobody contributes shown as
 * "no records" with score 0, each requirement scored as the mean of its indicators and the secret as its
 * weakest requirement. Plain Java.
 */
final class ReadinessPolicy {

    Readiness assemble(long assetId, String name, String levelCode, String levelName, List<ReadinessIndicator> contributed) {
        Map<Indicator, ReadinessIndicator> chosen = new EnumMap<>(Indicator.class);
        for (ReadinessIndicator i : contributed) {
            chosen.merge(i.indicator(), i, (a, b) -> b.score() < a.score() ? b : a);
        }
        List<ReadinessIndicator> all = new ArrayList<>();
        for (Indicator i : Indicator.values()) {
            all.add(chosen.getOrDefault(i, noRecords(i)));
        }
        List<Readiness.RequirementScore> requirements = new ArrayList<>();
        int overall = 100;
        for (Requirement r : Requirement.values()) {
            int score = (int) Math.round(all.stream().filter(i -> i.indicator().requirement() == r)
                    .mapToInt(ReadinessIndicator::score).average().orElse(0));
            requirements.add(new Readiness.RequirementScore(r, score));
            overall = Math.min(overall, score);
        }
        return new Readiness(assetId, name, levelCode, levelName, all, requirements, overall);
    }

    static ReadinessIndicator noRecords(Indicator i) {
        String action = i == Indicator.PLEDGES_COVER_HOLDERS ? "measure.readiness.action.noPledgeRecords"
                : "measure.readiness.action.noRecords";
        String what = i == Indicator.PLEDGES_COVER_HOLDERS ? "measure.readiness.missing.noPledgeRecords"
                : "measure.readiness.missing.noRecords";
        return new ReadinessIndicator(i, 0, null, "measure.readiness.summary.noRecords", List.of(),
                List.of(Missing.of(what, action)));
    }
}
