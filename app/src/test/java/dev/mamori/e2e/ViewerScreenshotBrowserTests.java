package dev.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.mamori.inventory.Register;
import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.MamoriUserDetails;
import dev.mamori.vault.CopyView;
import dev.mamori.vault.Identification;
import dev.mamori.vault.Vault;
import dev.mamori.vault.VaultFixture;

/**
 * A screenshot of the document viewer, taken in a real browser on a display of density 1, 1.5 and 2 (Chromium's
 * device scale factor): the part of the page image on the screen, enlarged by the display and cut by the window, is
 * traced by {@code identify} to the viewing it was shown for. Same context as {@link BrowserFlowTests} (the same
 * annotations), so no second application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ViewerScreenshotBrowserTests {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Pattern COPY = Pattern.compile("[?&]copy=(\\d+)");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Vault vault;

    @ParameterizedTest
    @ValueSource(doubles = {1, 1.5, 2})
    void aScreenshotOfTheViewerNamesWhoseViewingItWas(double density) throws Exception {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
                "chromedriver is not installed (apt-get install chromium chromium-driver); runs always under CI");
        VaultFixture f = new VaultFixture(context);
        long id = f.uploadPdf("画面を撮影された資料");
        Path profile = Files.createTempDirectory("mamori-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1000",
                "--lang=ja", "--force-device-scale-factor=" + density);
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        try {
            WebDriverWait await = new WebDriverWait(driver, Duration.ofSeconds(30));
            driver.get(url("/login"));
            driver.findElement(By.id("username")).sendKeys(f.holder.getUsername());
            driver.findElement(By.id("password")).sendKeys(VaultFixture.PASSWORD);
            driver.findElement(By.cssSelector("form.form button[type=submit]")).click();
            await.until(d -> !d.getCurrentUrl().contains("/login"));

            driver.get(url("/vault/documents/" + id + "/viewer"));
            WebElement page = await.until(d -> d.findElement(By.cssSelector("img.viewer-page")));
            await.until(d -> Boolean.TRUE.equals(driver.executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", page)));
            Matcher copy = COPY.matcher(page.getAttribute("src"));
            assertThat(copy.find()).isTrue();
            long copyId = Long.parseLong(copy.group(1));

            byte[] screenshot = driver.getScreenshotAs(OutputType.BYTES);
            var shot = ImageIO.read(new ByteArrayInputStream(screenshot));
            // the display's density is in the screenshot: a window 1400 CSS pixels wide is 1400 x density pixels
            assertThat(shot.getWidth()).isEqualTo((int) Math.round(1400 * density));

            MamoriUserDetails security = f.colleague("情報 撮影", Role.IT_SECURITY);
            Identification found = Register.as(security, () -> vault.identify(screenshot));
            assertThat(found.copy()).as("at density " + density).map(CopyView::id).contains(copyId);
            assertThat(found.copy()).map(CopyView::personId).contains(f.holder.personId());
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
