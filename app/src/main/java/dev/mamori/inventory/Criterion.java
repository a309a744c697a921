package dev.mamori.inventory;

/** An evaluation criterion from the handbook's list (第2章 2-1(2)), stored as data. */
public record Criterion(String code, String nameJa, String nameEn) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
