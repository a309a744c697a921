package dev.mamori.lifecycle;

import java.util.Optional;
import java.util.Set;

/**
 * Implemented by a module that holds the state of a leaver's step, so the checklist reads it instead of
 * asking for a confirmation by hand: the {@code access} module for {@link LeaverStep#ACCESS_RESTRICTED} and
 * {@link LeaverStep#ACCESS_ENDED} (grants restricted at the notice and ended on the last day), the
 * {@code agreement} module for {@link LeaverStep#LEAVING_PLEDGE} and {@link LeaverStep#NON_COMPETE} (signed
 * or refused). Lifecycle does not depend on those modules; they implement this interface. While no
 * implementation answers a step, HR or the 管理責任者 confirm it by hand with a note.
 */
public interface LeaverStepSource {

    /** A short name of the answering module, shown beside the state (e.g. {@code access}). */
    String name();

    /** The steps this source answers. */
    Set<LeaverStep> steps();

    /**
     * The step's state for the person, or empty when the source has nothing to say (the checklist then
     * falls back to a confirmation by hand).
     */
    Optional<StepState> stateOf(LeaverStep step, long personId);
}
