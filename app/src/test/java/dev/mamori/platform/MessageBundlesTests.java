package dev.mamori.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The Japanese and English bundles have the same keys, every key a template or the code uses
 * exists, and templates carry no literal text of their own.
 */
class MessageBundlesTests {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java");
    static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "value", "label");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void japaneseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        Set<String> ja = new TreeSet<>(load("messages_ja.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlyJa = new TreeSet<>(ja);
        onlyJa.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(ja);
        assertThat(onlyJa).as("keys missing from messages_en.properties").isEmpty();
        assertThat(onlyEn).as("keys missing from messages_ja.properties").isEmpty();
    }

    @Test
    void everyKeyNamedLiterallyInTemplatesAndCodeExists() throws IOException {
        Set<String> keys = load("messages_ja.properties").stringPropertyNames();
        Pattern inTemplate = Pattern.compile("#\\{([a-zA-Z][\\w.]*)");
        Pattern inCode = Pattern.compile("\"((?:platform|ledger|directory|inventory|policy|measure|agreement|access|vault|"
                + "activity|detection|incident|partner|provenance|audit)\\.[a-zA-Z][\\w]*(?:\\.[a-zA-Z][\\w]*)+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = inTemplate.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        // in code, a key is a string on a line that hands it to something shown to people
        Pattern shown = Pattern.compile("Exception\\(|onField\\(|NavigationItem\\(|DashboardCard\\(|getMessage\\(|messageKey");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (!shown.matcher(line).find()) {
                        continue;
                    }
                    Matcher m = inCode.matcher(line);
                    while (m.find()) {
                        if (!keys.contains(m.group(1))) {
                            missing.add(f.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(missing).as("message keys used but not defined").isEmpty();
    }

    @Test
    void templatesContainNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(f), "", Parser.htmlParser());
                for (Element el : doc.getAllElements()) {
                    if (el.hasAttr("th:text") || el.hasAttr("th:utext") || el.hasAttr("th:replace")
                            || el.hasAttr("th:insert") || el.hasAttr("th:errors") || el.hasAttr("th:remove")
                            || el.tagName().equals("script") || el.tagName().equals("style")
                            || el.tagName().equals("title") && el.hasAttr("th:replace")) {
                        continue;
                    }
                    if (insideReplaced(el)) {
                        continue;
                    }
                    for (TextNode t : el.textNodes()) {
                        String text = t.text().strip();
                        if (!text.isEmpty() && text.codePoints().anyMatch(Character::isLetter)) {
                            literal.add(RESOURCES.relativize(f) + ": <" + el.tagName() + "> " + text);
                        }
                    }
                    for (String attribute : TEXT_ATTRIBUTES) {
                        String value = el.attr(attribute);
                        if (!value.isBlank() && value.codePoints().anyMatch(Character::isLetter)
                                && !(attribute.equals("value") && !el.hasAttr("type"))
                                && !(attribute.equals("value") && List.of("hidden", "checkbox", "radio").contains(el.attr("type")))
                                && !(attribute.equals("value") && el.tagName().equals("option"))) {
                            literal.add(RESOURCES.relativize(f) + ": @" + attribute + "=" + value);
                        }
                    }
                }
            }
        }
        assertThat(literal).as("literal text in templates (use #{...} keys)").isEmpty();
    }

    private static boolean insideReplaced(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (p.hasAttr("th:text") || p.hasAttr("th:utext") || p.hasAttr("th:remove")) {
                return true;
            }
        }
        return false;
    }
}
