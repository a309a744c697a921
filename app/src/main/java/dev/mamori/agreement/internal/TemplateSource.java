package dev.mamori.agreement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mamori.platform.InvalidInputException;
import dev.mamori.policy.PrintedDocument;
import dev.mamori.policy.PrintedDocument.Kind;

/**
 * The text of a template as companies edit it, one instruction a line: {@code KIND<TAB>text} for a line of
 * the document (TITLE, META, CHAPTER, PARAGRAPH, TEXT, NOTE, FOOTER; ARTICLE takes the caption and is
 * numbered 第N条; ITEM is numbered （n） within its paragraph), {@code LIST<TAB>variable} for one item per
 * entry of a list, {@code IF<TAB>variable} … {@code END} for a part kept only when the variable is filled,
 * and {@code CAUTION<TAB>text} for a drafting caution shown beside the next line (never printed). Variables
 * are written {@code {{name}}}. Lines starting with # are comments. Plain Java: parsing refuses what it
 * cannot print, rendering fills the values in.
 */
public final class TemplateSource {

    static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9]*)\\s*}}");
    private static final Set<String> LINE_KINDS = Set.of("TITLE", "META", "CHAPTER", "ARTICLE", "PARAGRAPH", "ITEM",
            "SUBITEM", "TEXT", "NOTE", "FOOTER");

    private final TemplateKind kind;
    private final List<Entry> entries;

    private TemplateSource(TemplateKind kind, List<Entry> entries) {
        this.kind = kind;
        this.entries = List.copyOf(entries);
    }

    /** One instruction with the cautions written above it and the variables it uses. */
    public record Entry(int lineNo, String directive, String text, List<String> cautions, List<String> variables) {
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The cautions by variable: each caution belongs to the variables of the line it stands beside. */
    public Map<String, List<String>> cautionsByVariable() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (Entry e : entries) {
            for (String v : e.variables()) {
                out.computeIfAbsent(v, k -> new ArrayList<>()).addAll(e.cautions());
            }
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** Parses and checks a template text; refused on the field {@code source} naming the line at fault. */
    public static TemplateSource parse(TemplateKind kind, String source) {
        if (source == null || source.isBlank()) {
            throw InvalidInputException.onField("source", "agreement.template.empty");
        }
        List<Entry> entries = new ArrayList<>();
        List<String> cautions = new ArrayList<>();
        int depth = 0;
        boolean title = false;
        String[] lines = source.replace("\r", "").split("\n");
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            String directive = (tab < 0 ? line : line.substring(0, tab)).strip();
            String text = tab < 0 ? "" : line.substring(tab + 1).strip();
            switch (directive) {
                case "CAUTION" -> {
                    if (text.isEmpty()) {
                        throw bad(no, line);
                    }
                    cautions.add(text);
                    continue;
                }
                case "IF", "LIST" -> {
                    if (kind.variable(text).isEmpty()) {
                        throw InvalidInputException.onField("source", "agreement.template.unknownVariable", no, text);
                    }
                    if (directive.equals("LIST") && kind.variable(text).orElseThrow().type() != TemplateKind.Type.LIST) {
                        throw InvalidInputException.onField("source", "agreement.template.notAList", no, text);
                    }
                    if (directive.equals("IF")) {
                        depth++;
                    }
                }
                case "END" -> {
                    if (--depth < 0) {
                        throw InvalidInputException.onField("source", "agreement.template.unbalanced", no);
                    }
                }
                default -> {
                    if (!LINE_KINDS.contains(directive) || text.isEmpty()) {
                        throw bad(no, line);
                    }
                    title |= directive.equals("TITLE");
                }
            }
            List<String> used = new ArrayList<>();
            if (directive.equals("LIST") || directive.equals("IF")) {
                used.add(text);
            }
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                if (kind.variable(m.group(1)).isEmpty()) {
                    throw InvalidInputException.onField("source", "agreement.template.unknownVariable", no, m.group(1));
                }
                used.add(m.group(1));
            }
            entries.add(new Entry(no, directive, text, List.copyOf(cautions), List.copyOf(used)));
            cautions.clear();
        }
        if (depth != 0) {
            throw InvalidInputException.onField("source", "agreement.template.unbalanced", lines.length);
        }
        if (!title) {
            throw InvalidInputException.onField("source", "agreement.template.noTitle");
        }
        return new TemplateSource(kind, entries);
    }

    private static InvalidInputException bad(int no, String line) {
        return InvalidInputException.onField("source", "agreement.template.badLine", no,
                line.length() > 60 ? line.substring(0, 60) + "…" : line);
    }

    /**
     * The document with the values filled in. Values: a String, a LocalDate, a Number, a Boolean (FLAG) or a
     * Collection of Strings (LIST). A required variable the text uses without a value is refused on its field.
     */
    public PrintedDocument render(String company, Map<String, Object> values) {
        List<PrintedDocument.Line> out = new ArrayList<>();
        int article = 0;
        int item = 0;
        int skipping = 0;
        int depth = 0;
        String title = null;
        for (Entry e : entries) {
            switch (e.directive()) {
                case "IF" -> {
                    depth++;
                    if (skipping > 0 || !filled(values.get(e.text()))) {
                        skipping++;
                    }
                    continue;
                }
                case "END" -> {
                    if (skipping > 0) {
                        skipping--;
                    }
                    depth--;
                    continue;
                }
                default -> {
                }
            }
            if (skipping > 0) {
                continue;
            }
            switch (e.directive()) {
                case "ARTICLE" -> {
                    item = 0;
                    out.add(new PrintedDocument.Line(Kind.ARTICLE, "第" + (++article) + "条（" + fill(e, values) + "）"));
                }
                case "PARAGRAPH" -> {
                    item = 0;
                    out.add(new PrintedDocument.Line(Kind.PARAGRAPH, fill(e, values)));
                }
                case "ITEM" -> out.add(new PrintedDocument.Line(Kind.ITEM, "（" + (++item) + "）" + fill(e, values)));
                case "LIST" -> {
                    List<String> list = list(values.get(e.text()));
                    if (list.isEmpty()) {
                        require(e.text());
                    }
                    for (String s : list) {
                        out.add(new PrintedDocument.Line(Kind.ITEM, "（" + (++item) + "）" + s));
                    }
                }
                default -> {
                    String text = fill(e, values);
                    Kind k = Kind.valueOf(e.directive());
                    if (k == Kind.CHAPTER) {
                        item = 0;
                    }
                    if (k == Kind.TITLE && title == null) {
                        title = text;
                    }
                    out.add(new PrintedDocument.Line(k, text));
                }
            }
        }
        return new PrintedDocument(title, company, out);
    }

    private void require(String name) {
        if (kind.variable(name).map(TemplateKind.Variable::required).orElse(false)) {
            throw InvalidInputException.onField(name, "agreement.template.valueRequired", name);
        }
    }

    private String fill(Entry e, Map<String, Object> values) {
        Matcher m = VARIABLE.matcher(e.text());
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            String text = text(value);
            if (text.isEmpty()) {
                require(m.group(1));
                text = "＿＿＿＿";
            }
            m.appendReplacement(b, Matcher.quoteReplacement(text));
        }
        m.appendTail(b);
        return b.toString();
    }

    static boolean filled(Object value) {
        return !text(value).isEmpty() && !"false".equals(text(value));
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDate d) {
            return japaneseDate(d);
        }
        if (value instanceof Collection<?> c) {
            return String.join("、", list(c));
        }
        return value.toString().strip();
    }

    static List<String> list(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        String s = value == null ? "" : value.toString();
        return s.lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** 「2026年11月27日」. */
    public static String japaneseDate(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    public TemplateKind kind() {
        return kind;
    }
}
