package dev.mamori.policy.internal.documents;

import java.util.Locale;

/**
 * One line of a generated document as it is stored, compared and rendered: its kind (how it is laid out)
 * and its text with numbering already applied (「第3条（定義）」, 「（1）…」).
 */
public record DocLine(Kind kind, String text) {

    public enum Kind { TITLE, META, CHAPTER, ARTICLE, PARAGRAPH, ITEM, SUBITEM, TEXT, NOTE, FOOTER }

    public DocLine {
        text = text == null ? "" : text.replace('\n', ' ').replace('\t', ' ').strip();
    }

    /** CSS class of the line in the HTML rendering, e.g. {@code doc-article}. */
    public String css() {
        return "doc-" + kind.name().toLowerCase(Locale.ROOT);
    }

    /** The stored form: {@code KIND<TAB>text}. */
    String encode() {
        return kind.name() + "\t" + text;
    }

    static DocLine decode(String stored) {
        int tab = stored.indexOf('\t');
        return tab < 0 ? new DocLine(Kind.TEXT, stored)
                : new DocLine(Kind.valueOf(stored.substring(0, tab)), stored.substring(tab + 1));
    }
}
