package dev.mamori.measure;

import java.time.LocalDate;
import java.util.Locale;

/** A revision of the handbook's catalog with its attribution (出典, always shown as published). */
public record CatalogVersion(String code, String title, String attribution, LocalDate published, String titleEn) {

    public String title(Locale locale) {
        return MeasureView.english(locale) && titleEn != null ? titleEn : title;
    }
}
