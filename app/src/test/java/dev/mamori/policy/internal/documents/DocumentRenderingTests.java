package dev.mamori.policy.internal.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import dev.mamori.platform.pdf.PdfFontMissingException;
import dev.mamori.platform.pdf.PdfFonts;
import dev.mamori.platform.MamoriException;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Standard;
import dev.mamori.policy.internal.DefaultStandard;

/**
 * The four documents generated from a three-level scheme with the handbook's example rules: every level and
 * every rule's wording in the PDF text with every font embedded, LibreOffice opens every DOCX (one soffice
 * call for all), and a missing font is a clear refusal while DOCX still works.
 */
class DocumentRenderingTests {

    static final Path OUT = Path.of("target/documents-test");
    static final Level TOP = new Level("TOP_SECRET", "極秘", "Strictly confidential", 1, "#b00020", "極秘", "アクセス権者限り");
    static final Level CONF = new Level("CONFIDENTIAL", "社外秘", "Internal only", 2, "#c77700", "社外秘", "社内限り");
    static final Level DEPT = new Level("DEPARTMENT", "部外秘", "Department only", 3, "#555555", "部外秘", "部内限り");
    static final DocumentContext.Titles TITLES = new DocumentContext.Titles("統括責任者", "管理責任者", "秘密情報管理委員会");

    static Standard standard;
    static RuleWording wording;
    static Map<DocumentKind, List<DocLine>> lines = new EnumMap<>(DocumentKind.class);
    static Map<DocumentKind, byte[]> pdfs = new EnumMap<>(DocumentKind.class);
    static Map<DocumentKind, Path> docx = new EnumMap<>(DocumentKind.class);

    static Properties japanese() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages_ja.properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @BeforeAll
    static void generate() throws IOException {
        List<HandlingRule> rules = new ArrayList<>(DefaultStandard.rules());
        // the third level has the 社外秘 rules, except that it may not be taken out on paper at all
        DefaultStandard.rules().stream().filter(r -> r.levelCode().equals("CONFIDENTIAL"))
                .filter(r -> !(r.aspect() == dev.mamori.policy.Aspect.TAKE_OUT && r.medium() == dev.mamori.policy.Medium.DOCUMENT))
                .forEach(r -> rules.add(new HandlingRule("DEPARTMENT", r.aspect(), r.medium(), r.permitted(), r.approval(),
                        r.prohibited(), r.obligations(), r.outsideOfficeObligations(), r.source())));
        standard = Standard.of(List.of(TOP, CONF, DEPT), rules);
        Properties ja = japanese();
        wording = new RuleWording(TITLES, key -> ja.getProperty(key, key));
        Files.createDirectories(OUT);
        for (DocumentKind kind : DocumentKind.values()) {
            DocumentContext context = new DocumentContext("株式会社朝霧精工", 3, LocalDate.of(2026, 12, 1), TITLES, standard);
            DocModel model = DocumentTexts.generate(kind, context, wording);
            lines.put(kind, model.lines());
            Path file = OUT.resolve(kind.slug() + ".docx");
            Files.write(file, DocxRenderer.render(model.lines(), model.title(), "株式会社朝霧精工"));
            docx.put(kind, file);
            if (PdfFonts.KNOWN_LOCATIONS.stream().anyMatch(PdfFonts::trueType)) {
                byte[] pdf = PdfRenderer.render(model.lines(), model.title(), "株式会社朝霧精工",
                        Documents.locateFont(null, PdfFonts.KNOWN_LOCATIONS));
                Files.write(OUT.resolve(kind.slug() + ".pdf"), pdf);
                pdfs.put(kind, pdf);
            }
        }
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    static boolean fontAvailable() {
        return PdfFonts.KNOWN_LOCATIONS.stream().anyMatch(PdfFonts::trueType) || System.getenv("CI") != null;
    }

    @Test
    void theStandardsPdfHasEveryLevelAndEveryRulesWordingWithEmbeddedFonts() throws IOException {
        assumeTrue(fontAvailable(), "no Japanese TrueType font installed (fonts-ipaexfont-gothic)");
        try (PDDocument pdf = Loader.loadPDF(pdfs.get(DocumentKind.STANDARD))) {
            String footer = lines.get(DocumentKind.STANDARD).get(lines.get(DocumentKind.STANDARD).size() - 1).text();
            // page footers (attribution and "n / N") interrupt paragraphs that run over a page break
            String text = squash(new PDFTextStripper().getText(pdf))
                    .replaceAll(java.util.regex.Pattern.quote(squash(footer)) + "\\d+/\\d+", "");
            for (Level level : standard.levels()) {
                assertThat(text).contains("「" + level.nameJa() + "」の取扱い").contains(level.marking());
            }
            for (HandlingRule rule : standard.rules()) {
                Level level = standard.level(rule.levelCode()).orElseThrow();
                assertThat(text).as(rule.id()).contains(squash(wording.paragraph(rule)));
                wording.items(level, rule).forEach(i -> assertThat(text).as(rule.id()).contains(squash(i)));
                wording.outsideItems(level, rule).forEach(i -> assertThat(text).as(rule.id()).contains(squash(i)));
            }
            assertThat(text).contains(squash(wording.noRule(dev.mamori.policy.Medium.DOCUMENT)));
            assertThat(squash(new PDFTextStripper().getText(pdf)))
                    .contains(squash("出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂)"));
            assertThat(text).doesNotContain("〓");
        }
    }

    @Test
    void everyPdfEmbedsAllItsFontsAndCarriesTheCompanyAndVersion() throws IOException {
        assumeTrue(fontAvailable(), "no Japanese TrueType font installed (fonts-ipaexfont-gothic)");
        for (DocumentKind kind : DocumentKind.values()) {
            try (PDDocument pdf = Loader.loadPDF(pdfs.get(kind))) {
                assertThat(pdf.getNumberOfPages()).isGreaterThan(0);
                for (PDPage page : pdf.getPages()) {
                    for (var name : page.getResources().getFontNames()) {
                        PDFont font = page.getResources().getFont(name);
                        assertThat(font.isEmbedded()).as(kind + " " + font.getName()).isTrue();
                    }
                }
                String text = squash(new PDFTextStripper().getText(pdf));
                assertThat(text).contains(squash(kind.titleJa())).contains("株式会社朝霧精工")
                        .contains("第3版").contains("2026年12月1日");
            }
        }
    }

    @Test
    void theRegulationNamesEveryLevelAndItsArticlesReferToTheRightNumbers() {
        List<String> text = lines.get(DocumentKind.REGULATION).stream().map(DocLine::text).toList();
        for (Level level : standard.levels()) {
            assertThat(text).anyMatch(t -> t.contains(level.nameJa() + "（表示「" + level.marking() + "」）"));
        }
        assertThat(text).contains("第4条（秘密情報の分類）", "第5条（統括責任者）", "第6条（管理責任者）",
                "第7条（秘密情報管理委員会）", "第8条（指定）", "第11条（秘密保持義務）", "第15条（点検及び監査）",
                "第19条（懲戒）");
    }

    @Test
    void theWorkRulesSayMonitoringAlsoProtectsEmployees() {
        String text = String.join("", lines.get(DocumentKind.WORK_RULES).stream().map(DocLine::text).toList());
        assertThat(text).contains("（モニタリング）").contains("従業員を不当な疑いから守るためにも行う");
    }

    @Test
    void theTeleworkRulesSayWhatEachLevelAllowsToBeTakenOut() {
        List<String> text = lines.get(DocumentKind.TELEWORK).stream().map(DocLine::text).toList();
        for (Level level : standard.levels()) {
            assertThat(text).anyMatch(t -> t.contains(level.nameJa() + "（表示「" + level.marking() + "」）"));
        }
        HandlingRule takeOut = standard.rule("TOP_SECRET", dev.mamori.policy.Aspect.TAKE_OUT,
                dev.mamori.policy.Medium.ELECTRONIC).orElseThrow();
        assertThat(text).anyMatch(t -> t.contains(wording.summary(TOP, takeOut)));
    }

    @Test
    void libreOfficeOpensEveryDocxAndFindsTheLevelsAndKeyArticles() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assumeTrue(Files.isExecutable(soffice) || System.getenv("CI") != null, "LibreOffice (soffice) is not installed");
        Path out = Files.createTempDirectory("mamori-docx");
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + out.resolve("profile").toAbsolutePath(),
                "--convert-to", "txt:Text (encoded):UTF8", "--outdir", out.toString()));
        DocumentKind[] kinds = DocumentKind.values();
        for (DocumentKind kind : kinds) {
            command.add(docx.get(kind).toAbsolutePath().toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("soffice.log").toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        Map<DocumentKind, String> texts = new EnumMap<>(DocumentKind.class);
        for (DocumentKind kind : kinds) {
            Path txt = out.resolve(kind.slug() + ".txt");
            assertThat(txt).as(Files.readString(out.resolve("soffice.log"))).exists();
            texts.put(kind, Files.readString(txt, StandardCharsets.UTF_8));
        }
        for (DocumentKind kind : kinds) {
            assertThat(texts.get(kind)).contains(kind.titleJa()).contains("株式会社朝霧精工").contains("第1条");
        }
        for (Level level : standard.levels()) {
            assertThat(texts.get(DocumentKind.REGULATION)).contains(level.nameJa() + "（表示「" + level.marking() + "」）");
            assertThat(texts.get(DocumentKind.STANDARD)).contains("「" + level.nameJa() + "」の取扱い");
            assertThat(texts.get(DocumentKind.TELEWORK)).contains(level.nameJa() + "（表示「" + level.marking() + "」）");
        }
        assertThat(texts.get(DocumentKind.REGULATION)).contains("第8条（指定）", "第11条（秘密保持義務）", "第19条（懲戒）");
        assertThat(texts.get(DocumentKind.WORK_RULES)).contains("（モニタリング）");
    }

    @Test
    void withoutAFontThePdfIsRefusedWithAMessageNamingThePackageButDocxStillWorks() throws IOException {
        List<Path> none = List.of(OUT.resolve("no-such-font.ttf"));
        assertThatThrownBy(() -> Documents.locateFont(null, none))
                .isInstanceOf(PdfFontMissingException.class)
                .satisfies(e -> {
                    MamoriException m = (MamoriException) e;
                    assertThat(m.status()).isEqualTo(503);
                    Properties ja = japanese();
                    Properties en = new Properties();
                    try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages_en.properties"))) {
                        en.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                    StaticMessageSource messages = new StaticMessageSource();
                    messages.addMessage(m.messageKey(), Locale.JAPANESE, ja.getProperty(m.messageKey()));
                    messages.addMessage(m.messageKey(), Locale.ENGLISH, en.getProperty(m.messageKey()));
                    assertThat(messages.getMessage(m.messageKey(), m.args(), Locale.JAPANESE))
                            .contains("fonts-ipaexfont-gothic").contains("mamori.documents.font");
                    assertThat(messages.getMessage(m.messageKey(), m.args(), Locale.ENGLISH))
                            .contains("fonts-ipaexfont-gothic").contains("mamori.documents.font");
                });
        // a CFF OpenType collection (Noto CJK) is not a usable font either, whether configured or found
        Path collection = OUT.resolve("collection.ttc");
        Files.write(collection, new byte[] {'t', 't', 'c', 'f', 0, 2, 0, 0});
        assertThatThrownBy(() -> Documents.locateFont(collection, PdfFonts.KNOWN_LOCATIONS))
                .isInstanceOf(PdfFontMissingException.class)
                .extracting(e -> ((MamoriException) e).messageKey()).isEqualTo("policy.document.fontUnusable");
        assertThat(DocxRenderer.render(lines.get(DocumentKind.REGULATION), "秘密情報管理規程", "株式会社朝霧精工"))
                .isNotEmpty();
    }

    @Test
    void aDiffShowsRemovedAndAddedLinesInOrder() {
        List<DocLine> a = List.of(new DocLine(DocLine.Kind.TEXT, "一"), new DocLine(DocLine.Kind.TEXT, "二"),
                new DocLine(DocLine.Kind.TEXT, "三"));
        List<DocLine> b = List.of(new DocLine(DocLine.Kind.TEXT, "一"), new DocLine(DocLine.Kind.TEXT, "弐"),
                new DocLine(DocLine.Kind.TEXT, "三"), new DocLine(DocLine.Kind.TEXT, "四"));
        assertThat(LineDiff.diff(a, b)).extracting(l -> l.op() + ":" + l.line().text())
                .containsExactly("SAME:一", "REMOVED:二", "ADDED:弐", "SAME:三", "ADDED:四");
        assertThat(LineDiff.changed(LineDiff.diff(a, a))).isFalse();
    }
}
