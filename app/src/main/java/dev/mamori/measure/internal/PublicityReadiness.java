package dev.mamori.measure.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mamori.measure.Indicator;
import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessIndicator.Missing;
import dev.mamori.measure.SecretUnderReview;

/**
 * Whether the secret was checked not to be publicly known: the newest check found nothing within the last
 * {@link #RECHECK} (100), longer ago (50), it found the information published (0), or there is no check (0).
 */
@Component
class PublicityReadiness implements ReadinessContributor {

    /** Mamori's choice: the handbook names no interval; a yearly check, like the review of measures. */
    static final Period RECHECK = Period.ofMonths(12);

    private final PublicityCheckRepository checks;
    private final MeasureService measures;

    PublicityReadiness(PublicityCheckRepository checks, MeasureService measures) {
        this.checks = checks;
        this.measures = measures;
    }

    @Override
    public List<ReadinessIndicator> indicators(SecretUnderReview s) {
        List<PublicityCheck> all = checks.of(s.assetId());
        return List.of(indicator(all.isEmpty() ? null : all.get(0), measures.today()));
    }

    /** The newest check of every secret in one query. */
    @Override
    public Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        Map<Long, PublicityCheck> latest = checks.latestOf(secrets.stream().map(SecretUnderReview::assetId).toList());
        LocalDate today = measures.today();
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        secrets.forEach(s -> all.put(s.assetId(), List.of(indicator(latest.get(s.assetId()), today))));
        return all;
    }

    static ReadinessIndicator indicator(PublicityCheck latest, LocalDate today) {
        if (latest == null) {
            return new ReadinessIndicator(Indicator.PUBLICITY_CHECKED, 0, "measure", "measure.readiness.summary.noCheck",
                    List.of(), List.of(Missing.of("measure.readiness.missing.noCheck", "measure.readiness.action.noCheck")));
        }
        List<Object> args = List.of(latest.checkedOn().toString(), latest.checkedBy(), latest.sources());
        if (latest.result() == PublicityCheck.Result.FOUND) {
            return new ReadinessIndicator(Indicator.PUBLICITY_CHECKED, 0, "measure", "measure.readiness.summary.found",
                    args, List.of(Missing.of("measure.readiness.missing.found", "measure.readiness.action.found")));
        }
        if (latest.checkedOn().plus(RECHECK).isBefore(today)) {
            return new ReadinessIndicator(Indicator.PUBLICITY_CHECKED, 50, "measure", "measure.readiness.summary.checked",
                    args, List.of(Missing.of("measure.readiness.missing.checkStale", "measure.readiness.action.checkStale",
                    latest.checkedOn().toString())));
        }
        return new ReadinessIndicator(Indicator.PUBLICITY_CHECKED, 100, "measure", "measure.readiness.summary.checked",
                args, List.of());
    }
}
