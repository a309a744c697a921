package dev.mamori.measure;

import java.util.List;

/**
 * The guided start: a questionnaire about the company proposes a first selection with a reason per measure;
 * CHIEF_OFFICER or COMMITTEE accept all or some of it.
 */
public interface GuidedStart {

    /** What the answers suggest (nothing is changed). */
    StartProposal propose(StartAnswers answers);

    /**
     * Selects the accepted measures of the proposal (catalog codes) as not started, with the reasons in the note
     * (ledger: {@code measure.start.accepted} and {@code measure.selection.created} for each). Codes not in the
     * proposal are refused.
     */
    List<Selection> accept(StartAnswers answers, List<String> codes);
}
