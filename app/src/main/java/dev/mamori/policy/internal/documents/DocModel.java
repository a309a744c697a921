package dev.mamori.policy.internal.documents;

import java.util.ArrayList;
import java.util.List;

import dev.mamori.policy.internal.documents.DocLine.Kind;

/**
 * A generated document written once and rendered to HTML, DOCX and PDF alike: a title, meta lines
 * (company, version, effective date), chapters (第N章) holding articles (第N条（見出し）) or plain text,
 * articles holding paragraphs (numbered 1, 2, … when there are several), paragraphs holding items
 * (（1）, （2）, …) and items holding sub-items (ア, イ, …), and a footer line printed on every page.
 * Articles are numbered through the whole document; {@link #lines()} flattens it with the numbering.
 */
public final class DocModel {

    private static final String SUB_MARKS = "アイウエオカキクケコサシスセソタチツテト";

    private final String title;
    private final List<String> meta;
    private final List<Chapter> chapters;
    private final String footer;

    private DocModel(String title, List<String> meta, List<Chapter> chapters, String footer) {
        this.title = title;
        this.meta = List.copyOf(meta);
        this.chapters = List.copyOf(chapters);
        this.footer = footer;
    }

    public String title() {
        return title;
    }

    public String footer() {
        return footer;
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The document as lines, numbering applied: what is stored, compared and rendered. */
    public List<DocLine> lines() {
        List<DocLine> out = new ArrayList<>();
        out.add(new DocLine(Kind.TITLE, title));
        meta.forEach(m -> out.add(new DocLine(Kind.META, m)));
        int chapterNo = 0;
        int articleNo = 0;
        for (Chapter c : chapters) {
            if (c.heading() != null) {
                out.add(new DocLine(Kind.CHAPTER, c.numbered() ? "第" + (++chapterNo) + "章　" + c.heading() : c.heading()));
            }
            for (Block b : c.blocks()) {
                if (b instanceof Text t) {
                    out.add(new DocLine(t.note() ? Kind.NOTE : Kind.TEXT, t.text()));
                    continue;
                }
                Article a = (Article) b;
                out.add(new DocLine(Kind.ARTICLE, "第" + (++articleNo) + "条（" + a.caption() + "）"));
                boolean several = a.paragraphs().size() > 1;
                int p = 0;
                for (Paragraph para : a.paragraphs()) {
                    p++;
                    out.add(new DocLine(Kind.PARAGRAPH, several ? p + "　" + para.text() : para.text()));
                    int i = 0;
                    for (Item item : para.items()) {
                        out.add(new DocLine(Kind.ITEM, "（" + (++i) + "）" + item.text()));
                        int s = 0;
                        for (String sub : item.subItems()) {
                            out.add(new DocLine(Kind.SUBITEM, subMark(s++) + "　" + sub));
                        }
                    }
                }
            }
        }
        if (footer != null && !footer.isBlank()) {
            out.add(new DocLine(Kind.FOOTER, footer));
        }
        return List.copyOf(out);
    }

    private static String subMark(int index) {
        return index < SUB_MARKS.length() ? String.valueOf(SUB_MARKS.charAt(index)) : "(" + (index + 1) + ")";
    }

    record Chapter(String heading, boolean numbered, List<Block> blocks) {
    }

    sealed interface Block permits Article, Text {
    }

    record Article(String caption, List<Paragraph> paragraphs) implements Block {
    }

    record Text(String text, boolean note) implements Block {
    }

    record Paragraph(String text, List<Item> items) {
    }

    record Item(String text, List<String> subItems) {
    }

    /** Writes a document top-down: each call adds to the chapter, article, paragraph or item opened last. */
    public static final class Builder {

        private final String title;
        private final List<String> meta = new ArrayList<>();
        private final List<Chapter> chapters = new ArrayList<>();
        private String footer;

        private Builder(String title) {
            this.title = title;
        }

        public Builder meta(String line) {
            meta.add(line);
            return this;
        }

        public Builder footer(String line) {
            footer = line;
            return this;
        }

        /** A numbered chapter 第N章. */
        public Builder chapter(String heading) {
            chapters.add(new Chapter(heading, true, new ArrayList<>()));
            return this;
        }

        /** A heading without a number (附則). */
        public Builder section(String heading) {
            chapters.add(new Chapter(heading, false, new ArrayList<>()));
            return this;
        }

        /** An article 第N条（caption）. */
        public Builder article(String caption) {
            blocks().add(new Article(caption, new ArrayList<>()));
            return this;
        }

        /** A paragraph of the current article. */
        public Builder para(String text) {
            article().paragraphs().add(new Paragraph(text, new ArrayList<>()));
            return this;
        }

        /** An item （n） of the current paragraph. */
        public Builder item(String text) {
            paragraph().items().add(new Item(text, new ArrayList<>()));
            return this;
        }

        /** A sub-item (ア, イ, …) of the current item. */
        public Builder sub(String text) {
            List<Item> items = paragraph().items();
            if (items.isEmpty()) {
                throw new IllegalStateException("a sub-item needs an item");
            }
            items.get(items.size() - 1).subItems().add(text);
            return this;
        }

        /** Plain text in the current chapter, outside any article. */
        public Builder text(String text) {
            blocks().add(new Text(text, false));
            return this;
        }

        /** A note in smaller print in the current chapter. */
        public Builder note(String text) {
            blocks().add(new Text(text, true));
            return this;
        }

        public DocModel build() {
            return new DocModel(title, meta, chapters, footer);
        }

        private List<Block> blocks() {
            if (chapters.isEmpty()) {
                chapters.add(new Chapter(null, false, new ArrayList<>()));
            }
            return chapters.get(chapters.size() - 1).blocks();
        }

        private Article article() {
            List<Block> blocks = blocks();
            if (blocks.isEmpty() || !(blocks.get(blocks.size() - 1) instanceof Article a)) {
                throw new IllegalStateException("a paragraph needs an article");
            }
            return a;
        }

        private Paragraph paragraph() {
            List<Paragraph> paragraphs = article().paragraphs();
            if (paragraphs.isEmpty()) {
                throw new IllegalStateException("an item needs a paragraph");
            }
            return paragraphs.get(paragraphs.size() - 1);
        }
    }
}
