package dev.mamori.measure;

import java.time.Instant;
import java.util.List;

/**
 * What an {@link EvidenceSource} finds in Mamori's records now: a state and a message (key and arguments).
 */
public record EvidenceSummary(String sourceKey, State state, String messageKey, List<Object> args, Instant observedAt) {

    public EvidenceSummary {
        args = List.copyOf(args);
    }

    public enum State {
        /** The records show the measure working. */ OK,
        /** Records exist but show something to look at. */ ATTENTION,
        /** Nothing recorded yet. */ NONE
    }
}
