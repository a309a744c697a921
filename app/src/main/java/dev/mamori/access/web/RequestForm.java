package dev.mamori.access.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.access.AccessLevel;
import dev.mamori.access.RequestDraft;
import dev.mamori.access.RequestKind;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;

/** The form of a new request. */
record RequestForm(@NotNull(message = "{access.request.kindRequired}") RequestKind kind,
                   @NotNull(message = "{access.entry.required}") Long assetId,
                   AccessLevel level,
                   @NotBlank(message = "{access.request.reasonRequired}") @Size(max = 2000) String reason,
                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate untilOn, Medium medium, Location location,
                   String recipientName) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("kind", "assetId", "reason", "untilOn", "recipientName");

    static RequestForm empty(Long assetId) {
        return ofKind(RequestKind.ACCESS, assetId);
    }

    /** An empty form for the kind (which decides whether it asks for a recipient). */
    static RequestForm ofKind(RequestKind kind, Long assetId) {
        return new RequestForm(kind, assetId, AccessLevel.VIEW, null, null, Medium.ELECTRONIC, Location.INSIDE_OFFICE, null);
    }

    /** Whether the form asks for the recipient: only for the kinds that pass the information on. */
    boolean namesRecipient() {
        return kind != null && kind.namesRecipient();
    }

    RequestDraft toDraft() {
        return new RequestDraft(kind, assetId, level, reason, untilOn, medium, location, null,
                namesRecipient() ? recipientName : null);
    }
}
