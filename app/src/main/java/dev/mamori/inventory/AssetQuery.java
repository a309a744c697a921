package dev.mamori.inventory;

import java.time.LocalDate;

/**
 * Filters of the register list; null means "any". {@code regime} is one of {@code TRADE_SECRET},
 * {@code LIMITED_DATA}, {@code PERSONAL}, {@code EXPORT}, {@code CONTRACT}; {@code reviewDueBy} keeps
 * entries whose next review falls on or before that date;
 * {@code secrecyEndedBy} designated entries whose secrecy end date falls on or before that date.
 */
public record AssetQuery(String q, Long departmentId, AssetKind kind, AssetForm form, String levelId,
                         String regime, Stage stage, LocalDate reviewDueBy, LocalDate secrecyEndedBy) {

    public AssetQuery(String q, Long departmentId, AssetKind kind, AssetForm form, String levelId, String regime,
                      Stage stage) {
        this(q, departmentId, kind, form, levelId, regime, stage, null, null);
    }

    public static AssetQuery all() {
        return new AssetQuery(null, null, null, null, null, null, null, null, null);
    }
}
