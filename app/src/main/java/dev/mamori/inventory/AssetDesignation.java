package dev.mamori.inventory;

import java.util.List;

/**
 * An entry's designation as the access module needs it: its level (null when not designated), owning
 * department, 管理責任者 (responsible person), whether it is disposed, and its designated access holders.
 */
public record AssetDesignation(long assetId, String levelId, long departmentId, long responsiblePersonId,
                               boolean disposed, List<AccessHolder> holders) {

    public AssetDesignation {
        holders = List.copyOf(holders);
    }
}
