package dev.mamori.measure;

import java.util.List;

/**
 * How well Mamori's records support the three requirements of a trade secret for one designated entry: every
 * {@link Indicator}, a score per requirement (the mean of its indicators) and overall (the lowest requirement:
 * all three are needed).
 */
public record Readiness(long assetId, String name, String levelCode, String levelName, List<ReadinessIndicator> indicators,
                        List<RequirementScore> requirements, int overall) {

    public Readiness {
        indicators = List.copyOf(indicators);
        requirements = List.copyOf(requirements);
    }

    public record RequirementScore(Requirement requirement, int score) {
    }

    public ReadinessIndicator indicator(Indicator i) {
        return indicators.stream().filter(x -> x.indicator() == i).findFirst().orElseThrow();
    }

    public int score(Requirement r) {
        return requirements.stream().filter(x -> x.requirement() == r).mapToInt(RequirementScore::score).findFirst()
                .orElseThrow();
    }
}
