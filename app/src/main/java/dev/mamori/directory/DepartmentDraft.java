package dev.mamori.directory;

/**
 * What a department is created or changed with.
 */
public record DepartmentDraft(String code, String nameJa, String nameEn, Long parentId) {
}
