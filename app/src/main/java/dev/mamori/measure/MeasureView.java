package dev.mamori.measure;

import java.util.Locale;

/**
 * A measure: a line item of a catalog version, or one of the company's own ({@code catalogVersion} null).
 * For a re-listed (再掲) item {@code repeatsCode} names the item it repeats and {@code description} and
 * {@code examples} are that item's. The plain texts are the Japanese (the reference); the {@code …En} texts are
 * the English, null where there is none (a company's own measure without an English title): the
 * {@code …(Locale)} methods give the reader's language and fall back to the Japanese.
 *
 * @param groupHeading the 【…】 heading it is listed under, or null
 * @param subHeading   the (…) heading inside a re-listed block, or null
 * @param examples     concrete examples separated by 「／」 (in English by " / ")
 */
public record MeasureView(long id, String catalogVersion, int position, String code, Route route, Purpose purpose,
                          String groupHeading, String subHeading, String letter, String title, Integer page,
                          String repeatsCode, String description, String examples,
                          String groupHeadingEn, String subHeadingEn, String titleEn, String descriptionEn,
                          String examplesEn) {

    public boolean custom() {
        return catalogVersion == null;
    }

    public boolean relisted() {
        return repeatsCode != null;
    }

    public String title(Locale locale) {
        return pick(locale, title, titleEn);
    }

    public String description(Locale locale) {
        return pick(locale, description, descriptionEn);
    }

    public String examples(Locale locale) {
        return pick(locale, examples, examplesEn);
    }

    public String groupHeading(Locale locale) {
        return pick(locale, groupHeading, groupHeadingEn);
    }

    public String subHeading(Locale locale) {
        return pick(locale, subHeading, subHeadingEn);
    }

    /** True for readers who do not read Japanese (Mamori speaks Japanese and English; Japanese is the default). */
    public static boolean english(Locale locale) {
        return locale != null && !locale.getLanguage().isEmpty() && !"ja".equals(locale.getLanguage());
    }

    private static String pick(Locale locale, String ja, String en) {
        return english(locale) && en != null && !en.isBlank() ? en : ja;
    }
}
