package dev.mamori.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.access.Grant;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.lifecycle.LeaverStep;
import dev.mamori.lifecycle.LeaverStepSource;
import dev.mamori.lifecycle.StepState;
import dev.mamori.platform.PersonAccounts;
import dev.mamori.policy.Policy;

/**
 * Answers the leaver checklist's access steps from the grants themselves. {@code ACCESS_RESTRICTED}: the
 * configured leave-notice restriction holds (by default no live grant at the highest level, every other live
 * grant flagged for review). {@code ACCESS_ENDED}: no grant in the person's name is live and no API token of
 * their account is active. The day is that of the last grant ended, or today when nothing had to end.
 */
@Component
class AccessLeaverSteps implements LeaverStepSource {

    private final GrantRepository grants;
    private final IndexKeeper keeper;
    private final AccessSettings settings;
    private final Policy policy;
    private final PersonAccounts accounts;
    private final Clock clock;

    AccessLeaverSteps(GrantRepository grants, IndexKeeper keeper, AccessSettings settings, Policy policy,
                      PersonAccounts accounts, Clock clock) {
        this.grants = grants;
        this.keeper = keeper;
        this.settings = settings;
        this.policy = policy;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "access";
    }

    @Override
    public Set<LeaverStep> steps() {
        return Set.of(LeaverStep.ACCESS_RESTRICTED, LeaverStep.ACCESS_ENDED);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StepState> stateOf(LeaverStep step, long personId) {
        if (!steps().contains(step)) {
            return Optional.empty();
        }
        List<Grant> live = grants.liveOfPerson(personId);
        if (step == LeaverStep.ACCESS_ENDED) {
            int tokens = accounts.activeTokensOf(personId);
            if (live.isEmpty() && tokens == 0) {
                return Optional.of(new StepState(StepState.Status.DONE, lastEnded(personId), "grants 0, tokens 0", name()));
            }
            return Optional.of(new StepState(StepState.Status.PENDING, null,
                    "grants " + live.size() + ", tokens " + tokens, name()));
        }
        String highest = policy.levels().isEmpty() ? null : policy.levels().get(0).code();
        long toEnd = live.stream().filter(g -> switch (settings.properties().leaveNotice()) {
            case END_ALL -> true;
            case FLAG_ALL -> false;
            case END_HIGHEST_FLAG_OTHERS -> highest != null && highest.equals(keeper.index().levelOf(g.assetId()));
        }).count();
        long unflagged = live.stream().filter(g -> g.reviewFlag() == null).count();
        if (toEnd == 0 && unflagged == 0) {
            return Optional.of(new StepState(StepState.Status.DONE, lastEnded(personId),
                    "flagged " + live.size(), name()));
        }
        return Optional.of(new StepState(StepState.Status.PENDING, null,
                "to end " + toEnd + ", to flag " + unflagged, name()));
    }

    private LocalDate lastEnded(long personId) {
        Instant last = grants.ofHolder(AccessHolder.person(personId)).stream().map(Grant::endedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(clock.instant());
        return LocalDate.ofInstant(last, Directory.JAPAN);
    }
}
