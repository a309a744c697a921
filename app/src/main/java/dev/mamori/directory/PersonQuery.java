package dev.mamori.directory;

/**
 * A search of people: {@code text} matches 社員番号 (prefix), 氏名 or ふりがな (contained);
 * {@code departmentId} includes sub-departments. Null fields do not filter.
 */
public record PersonQuery(String text, Long departmentId, PersonStatus status, EmploymentType employmentType) {

    public static PersonQuery all() {
        return new PersonQuery(null, null, null, null);
    }
}
