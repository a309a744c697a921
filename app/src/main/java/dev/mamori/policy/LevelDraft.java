package dev.mamori.policy;

/** A new level for the scheme. */
public record LevelDraft(String code, String nameJa, String nameEn, int rank, String colour, String marking,
                         String defaultScope, boolean concealed) {

    /** A level that does not conceal its entries. */
    public LevelDraft(String code, String nameJa, String nameEn, int rank, String colour, String marking,
                      String defaultScope) {
        this(code, nameJa, nameEn, rank, colour, marking, defaultScope, false);
    }
}
