package dev.mamori.directory;

import java.util.Optional;

/**
 * Where a person is in their lifecycle with the company.
 */
public enum PersonStatus {
    PROSPECTIVE("入社予定"),
    ACTIVE("在職"),
    ON_LEAVE("休職"),
    LEAVING("退職予定"),
    LEFT("退職済");

    private final String japanese;

    PersonStatus(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    public String messageKey() {
        return "directory.status." + name();
    }

    /** Still has (or will have) access to the company's information. */
    public boolean current() {
        return this != LEFT;
    }

    public static Optional<PersonStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (PersonStatus s : values()) {
            if (s.name().equalsIgnoreCase(t) || s.japanese.equals(t)) {
                return Optional.of(s);
            }
        }
        return switch (t) {
            case "在籍", "在籍中" -> Optional.of(ACTIVE);
            case "退職" -> Optional.of(LEFT);
            default -> Optional.empty();
        };
    }
}
