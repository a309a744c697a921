package dev.mamori.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A department as other modules and the UI see it.
 */
public record DepartmentView(long id, String code, String nameJa, String nameEn, Long parentId, boolean active,
                             LocalDate abolishedOn, List<PersonRef> managers) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameJa;
    }

    /** A short reference to a person. */
    public record PersonRef(long id, String employeeNumber, String name) {
    }
}
