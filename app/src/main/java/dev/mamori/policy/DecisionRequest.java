package dev.mamori.policy;

/**
 * A question to the standard: may this person do this with an entry of this level?
 *
 * @param personId     who acts (null: the caller)
 * @param accessHolder whether the person is within the entry's access holders (answered by the register)
 * @param manager      whether the person is the entry's 管理責任者
 * @param recipient    to whom the information goes (NONE when it stays with the person)
 */
public record DecisionRequest(Long personId, boolean accessHolder, boolean manager, String levelCode, Action action,
                              Medium medium, Location location, Recipient recipient) {

    public DecisionRequest {
        location = location == null ? Location.INSIDE_OFFICE : location;
        recipient = recipient == null ? Recipient.NONE : recipient;
        medium = medium == null ? Medium.ELECTRONIC : medium;
    }

    public DecisionRequest forPerson(Long person) {
        return new DecisionRequest(person, accessHolder, manager, levelCode, action, medium, location, recipient);
    }
}
