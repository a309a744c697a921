package dev.mamori.lifecycle;

import java.time.LocalDate;

/**
 * One step of a checklist as the page shows it.
 *
 * @param due          the deadline (settings, relative to the last working day), or null
 * @param confirmable  whether it is confirmed by hand here (not computed, no {@link LeaverStepSource} answers)
 * @param documentId   an uploaded file kept with the confirmation (e.g. the erasure pledge), or null
 */
public record StepView(LeaverStep step, StepState state, LocalDate due, boolean overdue, boolean confirmable,
                       Long documentId, String documentName) {
}
