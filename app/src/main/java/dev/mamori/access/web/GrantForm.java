package dev.mamori.access.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.access.AccessLevel;
import dev.mamori.access.GrantDraft;
import dev.mamori.inventory.AccessHolder;

/** The grant form on an entry's grants page. */
record GrantForm(@NotNull(message = "{access.grant.holderRequired}") AccessHolder.Kind holderKind,
                 @NotBlank(message = "{access.grant.holderRequired}") @Size(max = 64) String holderRef,
                 @NotNull(message = "{access.grant.levelRequired}") AccessLevel level,
                 @NotBlank(message = "{access.grant.reasonRequired}") @Size(max = 2000) String reason,
                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("holderKind", "holderRef", "holder", "level", "reason", "endsOn");

    static GrantForm empty() {
        return new GrantForm(AccessHolder.Kind.PERSON, null, AccessLevel.VIEW, null, null);
    }

    GrantDraft toDraft(long assetId) {
        return new GrantDraft(assetId, new AccessHolder(holderKind, holderRef == null ? null : holderRef.strip()), level,
                reason, null, endsOn);
    }
}
