package dev.mamori.agreement.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.agreement.Agreements;
import dev.mamori.agreement.PledgeKind;
import dev.mamori.agreement.PledgeStatus;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.LeaverStepSource;
import dev.mamori.lifecycle.StepState;

/**
 * Answers the leaver checklist's "leaving pledge" step from the pledge register: signed (in Mamori or on paper)
 * is done, a recorded refusal is refused, an open request is pending; a person never asked falls back to the
 * checklist's confirmation by hand.
 */
@Component
class LeavingPledgeStep implements LeaverStepSource {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Agreements agreements;

    LeavingPledgeStep(Agreements agreements) {
        this.agreements = agreements;
    }

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public Set<LeaverStep> steps() {
        return Set.of(LeaverStep.LEAVING_PLEDGE);
    }

    @Override
    public Optional<StepState> stateOf(LeaverStep step, long personId) {
        if (step != LeaverStep.LEAVING_PLEDGE) {
            return Optional.empty();
        }
        PledgeStatus s = agreements.pledgeStatus(personId, PledgeKind.LEAVING);
        return switch (s.state()) {
            case SIGNED, EXPIRED -> Optional.of(new StepState(StepState.Status.DONE, day(s.signedAt()),
                    "pledge #" + s.pledgeId(), name()));
            case REFUSED -> Optional.of(new StepState(StepState.Status.REFUSED, day(s.refusedAt()),
                    "pledge #" + s.pledgeId(), name()));
            case PENDING -> Optional.of(new StepState(StepState.Status.PENDING, null, "pledge #" + s.pledgeId(), name()));
            case NONE -> Optional.empty();
        };
    }

    private static LocalDate day(java.time.Instant t) {
        return t == null ? null : t.atZone(JAPAN).toLocalDate();
    }
}
