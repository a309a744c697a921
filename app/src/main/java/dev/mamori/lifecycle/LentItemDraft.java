package dev.mamori.lifecycle;

import java.time.LocalDate;

/** What is lent: to whom (社員番号), what, and when (today when null). */
public record LentItemDraft(String employeeNumber, LentKind kind, String label, String serial, LocalDate lentOn) {
}
