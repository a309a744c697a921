package dev.mamori.inventory;

/**
 * Who may access a designated entry. {@code ref} is a person id, a department id (covering its
 * sub-departments), a role name or a project group id.
 */
public record AccessHolder(Kind kind, String ref) {

    public enum Kind {
        PERSON, DEPARTMENT, ROLE, GROUP;

        public String messageKey() {
            return "inventory.holder." + name();
        }
    }

    public static AccessHolder person(long id) {
        return new AccessHolder(Kind.PERSON, String.valueOf(id));
    }

    public static AccessHolder department(long id) {
        return new AccessHolder(Kind.DEPARTMENT, String.valueOf(id));
    }

    public static AccessHolder role(String role) {
        return new AccessHolder(Kind.ROLE, role);
    }

    public static AccessHolder group(long id) {
        return new AccessHolder(Kind.GROUP, String.valueOf(id));
    }
}
