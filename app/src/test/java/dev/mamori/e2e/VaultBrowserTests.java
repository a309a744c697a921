package dev.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.mamori.vault.VaultFixture;
import dev.mamori.vault.internal.marking.MarkFont;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * The vault in a real browser: the 管理責任者 of a 極秘 entry uploads a PDF through the form, clicks the download
 * button, and the file Chromium saves carries the mark for them (checked with PDFBox). Same context as
 * {@link BrowserFlowTests} (the same annotations), so no second application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultBrowserTests {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    Chromium browser;
    ChromeDriver driver;
    Path downloads;

    @BeforeAll
    void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("mamori-downloads-");
        browser = Chromium.start(1400, 1000, options -> options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true)));
        driver = browser.driver;
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (downloads != null) {
            try (var files = Files.walk(downloads)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theManagerUploadsAPdfAndDownloadsACopyMarkedForThem() throws Exception {
        VaultFixture f = new VaultFixture(context);
        Path upload = Files.createTempFile("設計書", ".pdf");
        Files.write(upload, SampleFiles.pdf(MarkFont.locate(null), "新型ポンプの設計書", "ブラウザから登録した本文", 2));

        browser.signIn(url(""), f.manager.getUsername(), VaultFixture.PASSWORD);

        driver.get(url("/vault/assets/" + f.assetId + "/documents"));
        driver.findElement(By.id("vault-upload-title")).sendKeys("ブラウザの設計書");
        driver.findElement(By.id("vault-upload-file")).sendKeys(upload.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("#vault-upload button[type=submit]")).click();
        await().until(d -> d.getCurrentUrl().matches(".*/vault/documents/\\d+$"));

        driver.findElement(By.id("vault-download-1")).click();
        // Chromium reserves the final name with an empty file and writes into a .crdownload beside it, renaming
        // when done: wait until no download is in progress and the PDF is complete enough for PDFBox to open.
        String[] extracted = new String[1];
        Path file = await().until(d -> {
            try (var files = Files.list(downloads)) {
                var names = files.toList();
                if (names.stream().anyMatch(p -> p.toString().endsWith(".crdownload"))) {
                    return null;
                }
                Path pdf = names.stream().filter(p -> p.toString().endsWith(".pdf")).findFirst().orElse(null);
                if (pdf == null || Files.size(pdf) == 0) {
                    return null;
                }
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    extracted[0] = new PDFTextStripper().getText(doc);
                }
                return pdf;
            } catch (IOException e) {
                return null;
            }
        });
        String text = extracted[0];
        assertThat(text).contains("ブラウザから登録した本文", "極秘（アクセス権者限り）", "管理 一郎", "No.1", "MAMORI-FP MF-");
        assertThat(file.getFileName().toString()).contains("_No1");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }
}
