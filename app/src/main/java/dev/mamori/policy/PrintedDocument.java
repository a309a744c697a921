package dev.mamori.policy;

import java.util.List;

/**
 * A document other modules want printed the way the regulations are (A4, the Japanese Gothic font, numbered
 * headings kept as text): a title, the company as author, and its lines already numbered. The kinds lay the
 * lines out as the regulations do; {@link Kind#FOOTER} is printed at the bottom of every page.
 */
public record PrintedDocument(String title, String company, List<Line> lines) {

    public PrintedDocument {
        lines = List.copyOf(lines);
    }

    /** How a line is laid out. */
    public enum Kind { TITLE, META, CHAPTER, ARTICLE, PARAGRAPH, ITEM, SUBITEM, TEXT, NOTE, FOOTER }

    /** One line: its layout and its text. */
    public record Line(Kind kind, String text) {
    }
}
