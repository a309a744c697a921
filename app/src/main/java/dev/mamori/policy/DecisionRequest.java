package dev.mamori.policy;

/**
 * A question to the standard: may this person do this with an entry of this level?
 *
 * @param personId     who acts (null: the caller)
 * @param accessHolder whether the person is within the entry's access holders (answered by the register)
 * @param manager      whether the person is the entry's 管理責任者
 * @param recipient    to whom the information goes (NONE when it stays with the person)
 * @param departmentId the department that owns the entry (null: none); approved exceptions of that
 *                     department apply
 */
public record DecisionRequest(Long personId, boolean accessHolder, boolean manager, String levelCode, Action action,
                              Medium medium, Location location, Recipient recipient, Long departmentId) {

    public DecisionRequest {
        location = location == null ? Location.INSIDE_OFFICE : location;
        recipient = recipient == null ? Recipient.NONE : recipient;
        medium = medium == null ? Medium.ELECTRONIC : medium;
    }

    /** A request about an entry that no department owns (no department exceptions apply). */
    public DecisionRequest(Long personId, boolean accessHolder, boolean manager, String levelCode, Action action,
                           Medium medium, Location location, Recipient recipient) {
        this(personId, accessHolder, manager, levelCode, action, medium, location, recipient, null);
    }

    public DecisionRequest forPerson(Long person) {
        return new DecisionRequest(person, accessHolder, manager, levelCode, action, medium, location, recipient,
                departmentId);
    }

    /** The same request about an entry owned by the given department. */
    public DecisionRequest ownedBy(Long department) {
        return new DecisionRequest(personId, accessHolder, manager, levelCode, action, medium, location, recipient,
                department);
    }
}
