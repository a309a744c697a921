package dev.mamori.policy;

/**
 * A classification level of the scheme. Rank 1 is the strictest.
 *
 * @param colour       a CSS colour for badges, e.g. {@code #b00020}
 * @param marking      the text marked on documents, files and objects (e.g. 「極秘」)
 * @param defaultScope the access scope shown with the marking unless the entry names its own
 */
public record Level(String code, String nameJa, String nameEn, int rank, String colour, String marking,
                    String defaultScope) {
}
