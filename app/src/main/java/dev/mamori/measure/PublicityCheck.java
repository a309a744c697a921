package dev.mamori.measure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A check that a secret is not publicly known (非公知性): who checked, on which day, which sources (patent
 * databases, the company's publications, the web…) and what was found.
 */
public record PublicityCheck(long id, long assetId, LocalDate checkedOn, String checkedBy, String sources,
                             Result result, String note, Instant recordedAt) {

    public enum Result {
        /** Nothing found in the sources. */ NOT_FOUND,
        /** Found published or patented. */ FOUND;

        public String messageKey() {
            return "measure.publicity.result." + name();
        }
    }
}
