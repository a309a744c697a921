package dev.mamori.measure;

import java.time.LocalDate;

/** A revision of the handbook's catalog with its attribution (出典). */
public record CatalogVersion(String code, String title, String attribution, LocalDate published) {
}
