package dev.mamori.lifecycle;

import java.time.Instant;
import java.util.List;

/**
 * A secret a leaver had access to and/or actually accessed, for the exit interview and the leaving pledge.
 *
 * @param through     the access holders through which they held it ({@code PERSON:12}, {@code DEPARTMENT:3});
 *                    empty when they accessed it without being a holder
 * @param accessCount ledger entries about the entry made by the person (views, downloads, changes)
 * @param actions     the distinct actions of those entries
 */
public record ExposedSecret(long assetId, String name, String levelId, String marking, String departmentName,
                            List<String> through, long accessCount, Instant lastAccess, List<String> actions,
                            boolean hidden) {

    public boolean held() {
        return !through.isEmpty();
    }

    public boolean accessed() {
        return accessCount > 0;
    }
}
