package dev.mamori.measure;

/**
 * A measure: a line item of a catalog version, or one of the company's own ({@code catalogVersion} null).
 * For a re-listed (再掲) item {@code repeatsCode} names the item it repeats and {@code description} and
 * {@code examples} are that item's.
 *
 * @param groupHeading the 【…】 heading it is listed under, or null
 * @param subHeading   the (…) heading inside a re-listed block, or null
 * @param examples     concrete examples separated by 「／」
 */
public record MeasureView(long id, String catalogVersion, int position, String code, Route route, Purpose purpose,
                          String groupHeading, String subHeading, String letter, String title, Integer page,
                          String repeatsCode, String description, String examples) {

    public boolean custom() {
        return catalogVersion == null;
    }

    public boolean relisted() {
        return repeatsCode != null;
    }
}
