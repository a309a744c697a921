package dev.mamori.platform.internal.web;

import java.util.Locale;

/**
 * The language of an API answer: English when the caller's {@code Accept-Language} puts English first (by
 * weight), Japanese otherwise — for the application's port and for listeners outside it alike.
 */
public final class ApiLanguage {

    private ApiLanguage() {
    }

    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.JAPANESE;
        }
        try {
            var ranges = Locale.LanguageRange.parse(acceptLanguage);
            return !ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("en")
                    ? Locale.ENGLISH : Locale.JAPANESE;
        } catch (IllegalArgumentException e) {
            return Locale.JAPANESE;
        }
    }
}
