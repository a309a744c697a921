package dev.mamori.inventory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.DeclarationDraft;
import dev.mamori.inventory.Origin;

/**
 * An employee's declaration (申告), on the page and over the API.
 */
public record DeclarationForm(
        @NotBlank(message = "{inventory.asset.nameRequired}") @Size(max = 200, message = "{inventory.asset.nameTooLong}") String title,
        @Size(max = 4000, message = "{inventory.form.tooLong}") String description,
        @NotNull(message = "{inventory.asset.kindRequired}") AssetKind kind,
        @NotNull(message = "{inventory.asset.formRequired}") AssetForm form,
        @Size(max = 500, message = "{inventory.form.tooLong}") String location,
        @NotNull(message = "{inventory.asset.originRequired}") Origin origin,
        @Size(max = 200, message = "{inventory.form.tooLong}") String originParty) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("title", "description", "kind", "form", "location",
            "origin", "originParty");

    static DeclarationForm empty() {
        return new DeclarationForm(null, null, AssetKind.TECHNICAL, AssetForm.ELECTRONIC, null, Origin.OWN, null);
    }

    DeclarationDraft toDraft() {
        return new DeclarationDraft(title, description, kind, form, location, origin, originParty);
    }
}
