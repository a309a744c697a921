package dev.mamori.access;

import java.time.LocalDate;

import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Recipient;

/**
 * A request of the signed-in person. {@code level} and {@code untilOn} are for ACCESS (the grant to
 * create: level, last day); medium, location and recipient may be null (electronic, in the office,
 * nobody — a third party for PROVIDE_TO_THIRD_PARTY). {@code recipientName}: whom the information goes to (company,
 * person, address) for the kinds that {@link RequestKind#namesRecipient name a recipient}, ignored for the others.
 */
public record RequestDraft(RequestKind kind, long assetId, AccessLevel level, String reason, LocalDate untilOn,
                           Medium medium, Location location, Recipient recipient, String recipientName) {

    /** A draft without a recipient's name. */
    public RequestDraft(RequestKind kind, long assetId, AccessLevel level, String reason, LocalDate untilOn,
                        Medium medium, Location location, Recipient recipient) {
        this(kind, assetId, level, reason, untilOn, medium, location, recipient, null);
    }
}
