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
 * grant flagged for review). {@code ACCESS_ENDED}: nothing is left through which the person could still reach
 * or pass on information, or hold up others: no grant in their name is live, no API token of their account is
 * active, no delegation to or from them is current or still to come, no request of theirs is pending, and no
 * pending request waits for their approval as an entry's 管理責任者 (such a request moves to whoever the register
 * names instead). The note lists what remains. The day is that of the last grant ended, or today when nothing
 * had to end.
 */
@Component
class AccessLeaverSteps implements LeaverStepSource {

    private final GrantRepository grants;
    private final RequestRepository requests;
    private final IndexKeeper keeper;
    private final AccessSettings settings;
    private final Policy policy;
    private final PersonAccounts accounts;
    private final Clock clock;

    AccessLeaverSteps(GrantRepository grants, RequestRepository requests, IndexKeeper keeper, AccessSettings settings, Policy policy,
                      PersonAccounts accounts, Clock clock) {
        this.grants = grants;
        this.requests = requests;
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
            return Optional.of(ended(personId, live.size()));
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

    private StepState ended(long personId, int liveGrants) {
        int tokens = accounts.activeTokensOf(personId);
        LocalDate today = LocalDate.now(clock.withZone(Directory.JAPAN));
        int delegations = requests.liveDelegationsOf(personId, today).size();
        int ownRequests = requests.pendingOf(personId).size();
        int awaiting = awaitingApprovalOf(personId);
        String note = "grants " + liveGrants + ", tokens " + tokens + ", delegations " + delegations
                + ", own requests pending " + ownRequests + ", requests awaiting their approval " + awaiting;
        if (liveGrants == 0 && tokens == 0 && delegations == 0 && ownRequests == 0 && awaiting == 0) {
            return new StepState(StepState.Status.DONE, lastEnded(personId), note, name());
        }
        return new StepState(StepState.Status.PENDING, null, note, name());
    }

    /** Pending requests of others on entries the person is still 管理責任者 of, which they have not decided. */
    private int awaitingApprovalOf(long personId) {
        List<Long> managed = java.util.Arrays.stream(keeper.index().entriesManagedBy(personId)).boxed().toList();
        return (int) requests.pendingOnEntries(managed).stream()
                .filter(r -> r.requesterPersonId() != personId)
                .filter(r -> r.steps().stream().noneMatch(s -> s.personId() == personId
                        || Long.valueOf(personId).equals(s.onBehalfOf())))
                .count();
    }

    private LocalDate lastEnded(long personId) {
        Instant last = grants.ofHolder(AccessHolder.person(personId)).stream().map(Grant::endedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(clock.instant());
        return LocalDate.ofInstant(last, Directory.JAPAN);
    }
}
