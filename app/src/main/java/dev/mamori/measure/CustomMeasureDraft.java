package dev.mamori.measure;

/** A measure of the company's own, added beside the catalog's, with an optional English title. */
public record CustomMeasureDraft(Route route, Purpose purpose, String title, String description, String titleEn) {

    public CustomMeasureDraft(Route route, Purpose purpose, String title, String description) {
        this(route, purpose, title, description, null);
    }
}
