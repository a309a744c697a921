package dev.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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

    static final Pattern COPY = Pattern.compile("[?&]copy=(\\d+)");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Vault vault;

    @ParameterizedTest
    @ValueSource(doubles = {1, 1.5, 2})
    void aScreenshotOfTheViewerNamesWhoseViewingItWas(double density) throws Exception {
        try (Chromium browser = Chromium.start(1400, 1000,
                options -> options.addArguments("--force-device-scale-factor=" + density))) {
            VaultFixture f = new VaultFixture(context);
            long id = f.uploadPdf("画面を撮影された資料");
            ChromeDriver driver = browser.driver;
            WebDriverWait await = browser.await();
            browser.signIn(url(""), f.holder.getUsername(), VaultFixture.PASSWORD);

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
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
