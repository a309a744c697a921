package dev.mamori.inventory;

/**
 * An entry in the evaluation overview: its name, department and standing, its level (null while not
 * designated) and its percent rank among all evaluated entries (0 lowest .. 1 highest) that the tier comes from.
 */
public record StandingEntry(long assetId, String name, String departmentName, Standing standing, String levelId,
                            double percentRank) {
}
