package dev.mamori.policy;

/**
 * New attributes of an existing level (its code and rank stay; ranks change by reordering).
 *
 * @param concealed whether entries at the level are hidden from everyone outside their access holders
 */
public record LevelEdit(String nameJa, String nameEn, String colour, String marking, String defaultScope,
                        boolean concealed) {
}
