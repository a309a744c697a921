package dev.mamori.access;

import dev.mamori.policy.Action;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Recipient;

/**
 * One question to {@link AccessChecks}: may this person do this with this entry? Medium, location and
 * recipient may be null (electronic, in the office, nobody).
 */
public record AccessQuestion(long personId, Action action, long assetId, Medium medium, Location location,
                             Recipient recipient) {

    /** The medium asked about: electronic unless given. */
    public Medium mediumOrDefault() {
        return medium == null ? Medium.ELECTRONIC : medium;
    }

    /** Where: in the office unless given. */
    public Location locationOrDefault() {
        return location == null ? Location.INSIDE_OFFICE : location;
    }

    /** To whom: a third party when giving to one, else nobody, unless given. */
    public Recipient recipientOrDefault() {
        return recipient != null ? recipient : action == Action.PROVIDE_TO_THIRD_PARTY ? Recipient.THIRD_PARTY : Recipient.NONE;
    }

    /** The question about an electronic entry used in the office, passed on to nobody. */
    public static AccessQuestion of(long personId, Action action, long assetId) {
        return new AccessQuestion(personId, action, assetId, null, null, null);
    }
}
