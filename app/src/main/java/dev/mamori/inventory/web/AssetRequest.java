package dev.mamori.inventory.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;

/**
 * A register entry over the API ({@code PUT} also needs the {@code version} that was read).
 */
public record AssetRequest(
        @NotBlank(message = "{inventory.asset.nameRequired}")
        @Size(max = 200, message = "{inventory.asset.nameTooLong}") String name,
        @Size(max = 4000, message = "{inventory.form.tooLong}") String description,
        @NotNull(message = "{inventory.asset.departmentRequired}") Long departmentId,
        @NotNull(message = "{inventory.asset.responsibleRequired}") Long responsiblePersonId,
        @NotNull(message = "{inventory.asset.kindRequired}") AssetKind kind,
        AssetSubKind subKind,
        List<FormEntry> forms,
        @NotNull(message = "{inventory.asset.originRequired}") Origin origin,
        @Size(max = 200, message = "{inventory.form.tooLong}") String originParty,
        @Size(max = 1000, message = "{inventory.form.tooLong}") String originDuty,
        LegalRegimes regimes,
        Integer version) {

    AssetDraft toDraft() {
        return new AssetDraft(name, description, departmentId, responsiblePersonId, kind, subKind, forms, origin,
                originParty, originDuty, regimes);
    }
}
