package dev.mamori.policy;

import java.util.Locale;

/**
 * A classification level of the scheme. Rank 1 is the strictest.
 *
 * @param colour       a CSS colour for badges, e.g. {@code #b00020}
 * @param marking      the text marked on documents, files and objects (e.g. 「極秘」)
 * @param defaultScope the access scope shown with the marking unless the entry names its own
 * @param concealed    whether an entry at this level is hidden from everyone outside its access holders:
 *                     the register neither lists it nor admits that its id exists (default: 極秘 only)
 */
public record Level(String code, String nameJa, String nameEn, int rank, String colour, String marking,
                    String defaultScope, boolean concealed) {

    /** A level that does not conceal its entries. */
    public Level(String code, String nameJa, String nameEn, int rank, String colour, String marking,
                 String defaultScope) {
        this(code, nameJa, nameEn, rank, colour, marking, defaultScope, false);
    }

    /** The name in the reader's language (English for {@code en}, Japanese otherwise). */
    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
}
