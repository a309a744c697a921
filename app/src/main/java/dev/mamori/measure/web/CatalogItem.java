package dev.mamori.measure.web;

import java.time.LocalDate;
import java.util.Locale;

import dev.mamori.measure.CatalogVersion;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/**
 * A measure as the API shows it: the texts in the caller's language ({@code title}, {@code description},
 * {@code examples}, headings) and both languages beside them ({@code titleJa}/{@code titleEn}…; an English text
 * that does not exist is null, and the caller's-language field then falls back to the Japanese).
 */
record CatalogItem(long id, String catalogVersion, int position, String code, Route route, Purpose purpose,
                   String letter, Integer page, String repeatsCode, boolean custom,
                   String title, String titleJa, String titleEn,
                   String description, String descriptionJa, String descriptionEn,
                   String examples, String examplesJa, String examplesEn,
                   String groupHeading, String groupHeadingJa, String groupHeadingEn,
                   String subHeading, String subHeadingJa, String subHeadingEn) {

    static CatalogItem of(MeasureView m, Locale locale) {
        return new CatalogItem(m.id(), m.catalogVersion(), m.position(), m.code(), m.route(), m.purpose(), m.letter(),
                m.page(), m.repeatsCode(), m.custom(),
                m.title(locale), m.title(), m.titleEn(),
                m.description(locale), m.description(), m.descriptionEn(),
                m.examples(locale), m.examples(), m.examplesEn(),
                m.groupHeading(locale), m.groupHeading(), m.groupHeadingEn(),
                m.subHeading(locale), m.subHeading(), m.subHeadingEn());
    }

    /** A catalog version: the title in the caller's language and both; the attribution (出典) as published. */
    record Version(String code, String title, String titleJa, String titleEn, String attribution, LocalDate published) {

        static Version of(CatalogVersion v, Locale locale) {
            return new Version(v.code(), v.title(locale), v.title(), v.titleEn(), v.attribution(), v.published());
        }
    }
}
