package dev.mamori.platform.internal.security;

import java.util.Locale;

import dev.mamori.platform.PersonDirectory.DepartmentRef;
import dev.mamori.platform.Role;

/**
 * A role held by an account; for {@link Role#MANAGER} with the department as the directory knows it
 * ({@code department} is null when the directory is absent or no longer has the department).
 */
public record GrantView(Role role, Long departmentId, DepartmentRef department) {

    /** The department's code, or {@code #id} when the directory cannot name it; empty for unscoped roles. */
    public String departmentLabel() {
        if (departmentId == null) {
            return "";
        }
        return department == null ? "#" + departmentId : department.code();
    }

    /** The department's name in the given language, or its label when unknown. */
    public String departmentName(Locale locale) {
        if (department == null) {
            return departmentLabel();
        }
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? department.nameEn() : department.nameJa();
    }
}
