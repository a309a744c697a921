package dev.mamori.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.agreement.internal.TemplateKind;
import dev.mamori.agreement.internal.TemplateSource;
import dev.mamori.agreement.internal.TemplateSourceTests;
import dev.mamori.policy.DocumentPrinter;
import dev.mamori.policy.PrintedDocument;
import dev.mamori.support.MamoriTest;

/**
 * Every template's newest version, filled in, printed through policy's {@link DocumentPrinter} as DOCX and
 * PDF: the PDF carries the Japanese text, and LibreOffice (headless) opens every DOCX and every PDF.
 */
@MamoriTest
class AgreementDocumentsTests {

    @Autowired DocumentPrinter printer;
    @Autowired dev.mamori.agreement.internal.Templates templates;

    static boolean fontAvailable() {
        return Files.isRegularFile(Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"))
                || Files.isRegularFile(Path.of("/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf"));
    }

    @Test
    void libreOfficeOpensTheDocxAndPdfOfEveryTemplate() throws Exception {
        Path soffice = Path.of("/usr/bin/soffice");
        assumeTrue(Files.isExecutable(soffice) || System.getenv("CI") != null, "LibreOffice (soffice) is not installed");
        assumeTrue(fontAvailable(), "no Japanese TrueType font installed (fonts-ipaexfont-gothic)");
        Path out = Files.createTempDirectory("mamori-agreement");
        Map<TemplateKind, PrintedDocument> printed = new EnumMap<>(TemplateKind.class);
        List<String> docx = new ArrayList<>();
        List<String> pdf = new ArrayList<>();
        for (TemplateKind kind : TemplateKind.values()) {
            TemplateSource source = templates.latest(kind).parsed();
            PrintedDocument doc = source.render("株式会社朝霧精工", TemplateSourceTests.values());
            printed.put(kind, doc);
            Path d = out.resolve(kind.slug() + ".docx");
            Files.write(d, printer.docx(doc));
            docx.add(d.toString());
            Path p = out.resolve("pdf").resolve(kind.slug() + ".pdf");
            Files.createDirectories(p.getParent());
            byte[] bytes = printer.pdf(doc);
            Files.write(p, bytes);
            pdf.add(p.toString());
            try (var loaded = Loader.loadPDF(bytes)) {
                String text = new PDFTextStripper().getText(loaded).replaceAll("\\s", "");
                assertThat(text).as(kind.name()).contains(doc.title().replaceAll("\\s", "")).contains("第1条");
            }
        }
        run(soffice, out, "txt:Text (encoded):UTF8", out.resolve("txt"), docx);
        for (TemplateKind kind : TemplateKind.values()) {
            String text = Files.readString(out.resolve("txt").resolve(kind.slug() + ".txt"), StandardCharsets.UTF_8);
            assertThat(text).as(kind.name()).contains(printed.get(kind).title()).contains("第1条");
        }
        run(soffice, out, "odg", out.resolve("odg"), pdf);
        for (TemplateKind kind : TemplateKind.values()) {
            assertThat(out.resolve("odg").resolve(kind.slug() + ".odg")).as(kind.name()).isNotEmptyFile();
        }
    }

    private static void run(Path soffice, Path work, String format, Path outdir, List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=file://" + work.resolve("profile").toAbsolutePath(),
                "--convert-to", format, "--outdir", outdir.toString()));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("soffice-" + format.charAt(0) + ".log").toFile()).start();
        assertThat(process.waitFor(240, TimeUnit.SECONDS)).as("soffice finished").isTrue();
    }
}
