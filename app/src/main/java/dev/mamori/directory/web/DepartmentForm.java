package dev.mamori.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mamori.directory.DepartmentDraft;
import dev.mamori.directory.DepartmentView;

/**
 * The department form: code, Japanese and English name, parent.
 */
public record DepartmentForm(
        @NotBlank(message = "{directory.department.codeRequired}")
        @Size(max = 32, message = "{directory.form.tooLong}") String code,
        @NotBlank(message = "{directory.department.nameRequired}")
        @Size(max = 100, message = "{directory.form.tooLong}") String nameJa,
        @Size(max = 100, message = "{directory.form.tooLong}") String nameEn,
        Long parentId) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("code", "nameJa", "nameEn", "parentId");

    static DepartmentForm empty() {
        return new DepartmentForm(null, null, null, null);
    }

    static DepartmentForm of(DepartmentView d) {
        return new DepartmentForm(d.code(), d.nameJa(), d.nameEn(), d.parentId());
    }

    DepartmentDraft toDraft() {
        return new DepartmentDraft(strip(code), strip(nameJa), strip(nameEn), parentId);
    }

    static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
