package dev.mamori.inventory;

/**
 * A classification level of the interim built-in scheme (極秘 / 社外秘), read from data so that the
 * policy module can replace it; a higher rank is stricter.
 */
public record Level(String id, String nameJa, String nameEn, int rank, String marking) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
