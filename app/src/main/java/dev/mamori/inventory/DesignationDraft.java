package dev.mamori.inventory;

import java.time.LocalDate;
import java.util.List;

/**
 * A designation (指定) by an entry's 管理責任者: the level, the access holders, the secrecy period (until a
 * date, or until an event such as the publication of a patent application) and the marking text.
 */
public record DesignationDraft(String levelId, List<AccessHolder> holders, LocalDate secretUntil,
                               String secretUntilEvent, String marking, String reason) {

    public DesignationDraft {
        holders = holders == null ? List.of() : List.copyOf(holders);
    }
}
