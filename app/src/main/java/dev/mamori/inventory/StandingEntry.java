package dev.mamori.inventory;

/** An entry in the evaluation overview: its name, department and standing. */
public record StandingEntry(long assetId, String name, String departmentName, Standing standing) {
}
