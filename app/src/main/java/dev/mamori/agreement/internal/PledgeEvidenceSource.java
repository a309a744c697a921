package dev.mamori.agreement.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.measure.EvidenceSource;
import dev.mamori.measure.EvidenceSummary;

/**
 * "Pledges are taken" (秘密保持契約等の締結, 認識向上/信頼関係): the share of people working now with a signed joining
 * pledge in force, and refusals. OK from 90 % with no refusal outstanding.
 */
@Component
class PledgeEvidenceSource implements EvidenceSource {

    static final String KEY = "agreement.pledges";

    private final PledgeService pledges;
    private final Clock clock;

    PledgeEvidenceSource(PledgeService pledges, Clock clock) {
        this.pledges = pledges;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String messageKey() {
        return "agreement.evidence.pledges";
    }

    @Override
    public EvidenceSummary current() {
        int[] c = pledges.coverage();
        int people = c[0];
        int signed = c[1];
        int refused = c[2];
        int percent = people == 0 ? 0 : Math.round(100f * signed / people);
        EvidenceSummary.State state = signed == 0 ? EvidenceSummary.State.NONE
                : percent >= 90 && refused == 0 ? EvidenceSummary.State.OK : EvidenceSummary.State.ATTENTION;
        return new EvidenceSummary(KEY, state, "agreement.evidence.pledges.summary",
                List.of(signed, people, percent, refused), clock.instant());
    }
}
