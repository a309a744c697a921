package dev.mamori.inventory;

import java.util.List;

/**
 * A designated register entry a person may access, with the access holders through which they hold it
 * (e.g. {@code PERSON:12}, {@code DEPARTMENT:3}); {@code through} is empty for an entry only looked up by id.
 */
public record HeldSecret(long assetId, String name, String levelId, String marking, long departmentId,
                         String departmentName, List<AccessHolder> through) {

    public HeldSecret {
        through = List.copyOf(through);
    }
}
