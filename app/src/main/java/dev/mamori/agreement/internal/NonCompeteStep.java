package dev.mamori.agreement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.Directory;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.LeaverStepSource;
import dev.mamori.lifecycle.StepState;

/**
 * Answers the leaver checklist's optional "non-compete agreement" step from the pledge register: the newest
 * leaving pledge that carries a non-compete clause, signed (in Mamori or on paper) is done, refused is refused,
 * open is pending. When no leaving pledge with such a clause was asked for, this source says nothing, and HR or
 * the 管理責任者 mark the step "not applicable" (not needed) — or done/refused for an agreement made on paper
 * outside Mamori — on the checklist, with a note.
 */
@Component
class NonCompeteStep implements LeaverStepSource {

    private final PledgeRepository pledges;
    private final Clock clock;

    NonCompeteStep(PledgeRepository pledges, Clock clock) {
        this.pledges = pledges;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "agreement";
    }

    @Override
    public Set<LeaverStep> steps() {
        return Set.of(LeaverStep.NON_COMPETE);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StepState> stateOf(LeaverStep step, long personId) {
        if (step != LeaverStep.NON_COMPETE) {
            return Optional.empty();
        }
        return pledges.newestNonCompete(personId).flatMap(p -> {
            String note = "pledge #" + p.id();
            return switch (p.state(LocalDate.now(clock.withZone(Directory.JAPAN)))) {
                case SIGNED, EXPIRED -> Optional.of(new StepState(StepState.Status.DONE, day(p.signedAt()), note, name()));
                case REFUSED -> Optional.of(new StepState(StepState.Status.REFUSED, day(p.refusedAt()), note, name()));
                case PENDING -> Optional.of(new StepState(StepState.Status.PENDING, null, note, name()));
                case NONE -> Optional.<StepState>empty();
            };
        });
    }

    private static LocalDate day(java.time.Instant t) {
        return t == null ? null : t.atZone(Directory.JAPAN).toLocalDate();
    }
}
