package dev.mamori.inventory;

/** One form of an entry and where it is kept (server folder, cloud service, cabinet, the people who know it). */
public record FormEntry(AssetForm form, String location) {
}
