package dev.mamori.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Where some people stand with the newest published 秘密情報管理規程: its version number and publication, which
 * of them it asked to acknowledge, and when those who did acknowledged it.
 */
public record RegulationAcknowledgements(int versionNumber, Instant publishedAt, Set<Long> asked,
                                         Map<Long, Instant> acknowledged) {

    public RegulationAcknowledgements {
        asked = Set.copyOf(asked);
        acknowledged = Map.copyOf(acknowledged);
    }
}
