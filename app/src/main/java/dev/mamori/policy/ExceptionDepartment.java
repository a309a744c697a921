package dev.mamori.policy;

/** A department a 管理責任者 may ask exceptions for, with its name in the caller's language. */
public record ExceptionDepartment(long id, String code, String name) {
}
