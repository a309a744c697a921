package dev.mamori.inventory;

import java.time.LocalDate;

/**
 * What a register kept elsewhere says about an entry beyond Mamori's own fields, kept beside it: when it
 * was registered, its retention (保存期限: an ISO date or words such as 「5年」), who uses it (利用者範囲 — a
 * hint for choosing access holders, not access holders) and the importance it was given there
 * (機密性・完全性・可用性, often 1-3, and an overall 重要度). The importance values are hints for the
 * evaluation; Mamori never turns them into an evaluation. Any value may be null.
 */
public record ImportedFacts(LocalDate registeredOn, String retention, String accessHint, Integer confidentiality,
                            Integer integrity, Integer availability, Integer importance) {

    public static ImportedFacts none() {
        return new ImportedFacts(null, null, null, null, null, null, null);
    }

    /** Whether any importance hint is present. */
    public boolean hasHints() {
        return confidentiality != null || integrity != null || availability != null || importance != null;
    }
}
