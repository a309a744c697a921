package dev.mamori.measure;

/** A measure of the company's own, added beside the catalog's. */
public record CustomMeasureDraft(Route route, Purpose purpose, String title, String description) {
}
