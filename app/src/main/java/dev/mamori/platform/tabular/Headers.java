package dev.mamori.platform.tabular;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares the header texts of spreadsheets made by people: after NFKC normalisation (full-width letters
 * and digits become half-width), lower case, without a BOM, spaces, underscores and hyphens.
 */
public final class Headers {

    private Headers() {
    }

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return n.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "");
    }
}
