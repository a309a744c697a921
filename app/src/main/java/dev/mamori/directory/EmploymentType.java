package dev.mamori.directory;

/**
 * Employment types. The handbook counts all of them as 従業員等; dispatched workers, contractor staff
 * and seconded staff are bound through separate agreements with their employer.
 */
public enum EmploymentType {
    EXECUTIVE("役員"),
    REGULAR("正社員"),
    CONTRACT("契約社員"),
    PART_TIME("パート・アルバイト"),
    DISPATCHED("派遣労働者"),
    CONTRACTOR_STAFF("委託先従業員"),
    SECONDED("出向者");

    private final String japanese;

    EmploymentType(String japanese) {
        this.japanese = japanese;
    }

    /** The Japanese label, as written in HR exports. */
    public String japanese() {
        return japanese;
    }

    public String messageKey() {
        return "directory.employmentType." + name();
    }

    /** Staff employed by another company (their employer signs agreements for them too). */
    public boolean employedElsewhere() {
        return this == DISPATCHED || this == CONTRACTOR_STAFF || this == SECONDED;
    }

    public static java.util.Optional<EmploymentType> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String t = text.strip();
        for (EmploymentType type : values()) {
            if (type.name().equalsIgnoreCase(t) || type.japanese.equals(t)) {
                return java.util.Optional.of(type);
            }
        }
        return switch (t) {
            case "パート", "アルバイト" -> java.util.Optional.of(PART_TIME);
            case "派遣", "派遣社員" -> java.util.Optional.of(DISPATCHED);
            case "業務委託", "委託" -> java.util.Optional.of(CONTRACTOR_STAFF);
            case "出向" -> java.util.Optional.of(SECONDED);
            case "社員" -> java.util.Optional.of(REGULAR);
            default -> java.util.Optional.empty();
        };
    }
}
