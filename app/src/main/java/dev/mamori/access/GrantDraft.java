package dev.mamori.access;

import java.time.LocalDate;

import dev.mamori.inventory.AccessHolder;

/**
 * A grant to issue. {@code startsOn} null: at once; {@code endsOn} the last day (Japan time) it counts,
 * null: until ended.
 */
public record GrantDraft(long assetId, AccessHolder holder, AccessLevel level, String reason, LocalDate startsOn,
                         LocalDate endsOn) {
}
