package dev.mamori.directory.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mamori.directory.DepartmentDraft;

/**
 * A department to create or the new state of one ({@code PUT}).
 */
public record DepartmentRequest(
        @NotBlank(message = "{directory.department.codeRequired}")
        @Size(max = 32, message = "{directory.form.tooLong}") String code,
        @NotBlank(message = "{directory.department.nameRequired}")
        @Size(max = 100, message = "{directory.form.tooLong}") String nameJa,
        @Size(max = 100, message = "{directory.form.tooLong}") String nameEn,
        Long parentId) {

    DepartmentDraft toDraft() {
        return new DepartmentDraft(code.strip(), nameJa.strip(), nameEn == null ? null : nameEn.strip(), parentId);
    }
}
