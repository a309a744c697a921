package dev.mamori.measure.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mamori.measure.Indicator;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessIndicator.Missing;
import dev.mamori.measure.SecretUnderReview;
import dev.mamori.measure.SelectionStatus;

/**
 * Whether the measures selected for the secret's level are in operation: the share in operation of those
 * selected (対象外 left out); nothing selected for the level scores 0.
 */
@Component
class LevelMeasuresReadiness implements ReadinessContributor {

    private final SelectionRepository selections;

    LevelMeasuresReadiness(SelectionRepository selections) {
        this.selections = selections;
    }

    @Override
    public List<ReadinessIndicator> indicators(SecretUnderReview s) {
        return List.of(indicator(s.levelCode(), selections.briefs()));
    }

    /** The selections are read once for all the secrets. */
    @Override
    public Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        List<SelectionRepository.Brief> briefs = selections.briefs();
        Map<String, ReadinessIndicator> byLevel = new HashMap<>();
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        for (SecretUnderReview s : secrets) {
            all.put(s.assetId(), List.of(byLevel.computeIfAbsent(s.levelCode(), level -> indicator(level, briefs))));
        }
        return all;
    }

    private static ReadinessIndicator indicator(String level, List<SelectionRepository.Brief> briefs) {
        long selected = 0;
        long inPlace = 0;
        for (SelectionRepository.Brief b : briefs) {
            if (b.levelCodes().contains(level) && b.status() != SelectionStatus.NOT_APPLICABLE) {
                selected++;
                inPlace += b.status().inPlace() ? 1 : 0;
            }
        }
        return indicator(level, selected, inPlace);
    }

    static ReadinessIndicator indicator(String level, long selected, long inPlace) {
        if (selected == 0) {
            return new ReadinessIndicator(Indicator.LEVEL_MEASURES_IN_PLACE, 0, "measure",
                    "measure.readiness.summary.measures", List.of(level, 0, 0),
                    List.of(Missing.of("measure.readiness.missing.noMeasures", "measure.readiness.action.noMeasures", level)));
        }
        List<Missing> missing = inPlace == selected ? List.of()
                : List.of(Missing.of("measure.readiness.missing.measuresNotInPlace",
                "measure.readiness.action.measuresNotInPlace", selected - inPlace));
        return new ReadinessIndicator(Indicator.LEVEL_MEASURES_IN_PLACE, ReadinessIndicator.share(inPlace, selected),
                "measure", "measure.readiness.summary.measures", List.of(level, inPlace, selected), missing);
    }
}
