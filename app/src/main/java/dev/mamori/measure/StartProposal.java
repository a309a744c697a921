package dev.mamori.measure;

import java.util.List;

/**
 * The first selection the guided start proposes: each measure with the levels it would serve and why (message
 * keys of the reasons, e.g. {@code measure.start.reason.telework}); measures already selected are left out.
 */
public record StartProposal(StartAnswers answers, List<Proposed> measures) {

    public StartProposal {
        measures = List.copyOf(measures);
    }

    public record Proposed(MeasureView measure, List<String> levelCodes, List<String> reasonKeys) {

        public Proposed {
            levelCodes = List.copyOf(levelCodes);
            reasonKeys = List.copyOf(reasonKeys);
        }
    }
}
