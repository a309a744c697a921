package dev.mamori.agreement.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.measure.EvidenceSource;
import dev.mamori.measure.EvidenceSummary;

/** "Training is held" (研修, 認識向上): completion over every assigned training. OK from 90 %. */
@Component
class TrainingEvidenceSource implements EvidenceSource {

    static final String KEY = "agreement.training";

    private final Training training;
    private final Clock clock;

    TrainingEvidenceSource(Training training, Clock clock) {
        this.training = training;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String messageKey() {
        return "agreement.evidence.training";
    }

    @Override
    public EvidenceSummary current() {
        int[] t = training.totals();
        int percent = t[0] == 0 ? 0 : Math.round(100f * t[1] / t[0]);
        EvidenceSummary.State state = t[0] == 0 ? EvidenceSummary.State.NONE
                : percent >= 90 ? EvidenceSummary.State.OK : EvidenceSummary.State.ATTENTION;
        return new EvidenceSummary(KEY, state, "agreement.evidence.training.summary", List.of(t[1], t[0], percent),
                clock.instant());
    }
}
