package dev.mamori.inventory;

import java.time.LocalDate;
import java.util.List;

/**
 * A register entry as the UI and the API see it. Department and person names are resolved through the
 * directory. {@code levelId} is null while the entry is not designated as a secret.
 */
public record AssetView(long id, String name, String description, long departmentId, String departmentName,
                        long responsiblePersonId, String responsibleName, AssetKind kind, AssetSubKind subKind,
                        List<FormEntry> forms, Origin origin, String originParty, String originDuty,
                        LegalRegimes regimes, Stage stage, boolean unneeded, String unneededReason,
                        Disposal disposal, String levelId, String marking, LocalDate secretUntil,
                        String secretUntilEvent, Long designatedByPersonId, LocalDate designatedOn,
                        List<AccessHolder> holders, LocalDate nextReviewOn, int version) {

    public boolean designated() {
        return levelId != null;
    }

    public boolean disposed() {
        return stage == Stage.DISPOSED;
    }

    public AssetDraft toDraft() {
        return new AssetDraft(name, description, departmentId, responsiblePersonId, kind, subKind, forms, origin,
                originParty, originDuty, regimes);
    }
}
