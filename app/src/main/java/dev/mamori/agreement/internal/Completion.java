package dev.mamori.agreement.internal;

/** Completion of a training in one department (primary department at assignment). */
public record Completion(Long departmentId, String nameJa, String nameEn, int assigned, int completed, int overdue) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameJa;
    }

    public int percent() {
        return assigned == 0 ? 0 : Math.round(100f * completed / assigned);
    }
}
