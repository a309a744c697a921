package dev.mamori.policy;

/** A new level for the scheme. */
public record LevelDraft(String code, String nameJa, String nameEn, int rank, String colour, String marking,
                         String defaultScope) {
}
