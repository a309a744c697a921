package dev.mamori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.mamori.platform.Role;
import dev.mamori.platform.internal.security.AccountManagement;
import dev.mamori.platform.internal.security.RoleGrant;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;
import dev.mamori.policy.Policy;

/**
 * The standard editor in a real browser: a committee member clicks a cell, the form replaces it in place
 * (htmx), a refusal stays in the form, a save puts the refreshed cell back without leaving the page. The
 * cells edited belong to a level made for the test. Screenshots: {@code target/policy-standard-editor-form.png}, {@code target/policy-standard-editor.png}.
 * Same context as {@link BrowserFlowTests} (the same annotations), so no second application starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandardEditorBrowserTests {

    static final String PASSWORD = "correct-horse-battery-staple";

    @LocalServerPort int port;
    @Autowired AccountManagement accounts;
    @Autowired Policy policy;

    Chromium browser;
    WebDriver driver;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = Chromium.start(1400, 1000, options -> { });
        driver = browser.driver;
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCommitteeMemberEditsACellInPlace() throws IOException {
        String level = "BR" + Long.toString(System.nanoTime(), 36).toUpperCase();
        policy.addLevel(new LevelDraft(level, "ブラウザ用", "For the browser", 5_000_000 + ThreadLocalRandom.current().nextInt(1000),
                null, "ブラウザ用", null));
        String username = "committee" + Long.toString(System.nanoTime(), 36);
        accounts.create(username, PASSWORD, "委員 一郎", null, List.of(new RoleGrant(Role.COMMITTEE, null)));

        browser.signIn(url(""), username, PASSWORD);

        driver.get(url("/policy/standard"));
        String cellId = "policy-rule-" + level + "-DISPOSAL-DOCUMENT";
        driver.findElement(By.cssSelector("#" + cellId + " a.rule-edit")).click();
        WebElement form = await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form#" + cellId)));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/policy/standard"));

        // a disposal rule without a method is refused inside the form
        form.findElement(By.cssSelector("input[name=permitted][value=ANYONE_IN_SCOPE]")).click();
        form.findElement(By.cssSelector("input[name=obligations][value=BRING_TO_DESIGNATED_PLACE]")).click();
        form.findElement(By.cssSelector("button.primary")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("form#" + cellId),
                "廃棄の方法"));

        form = driver.findElement(By.cssSelector("form#" + cellId));
        screenshot("policy-standard-editor-form.png");
        form.findElement(By.cssSelector("input[name=obligations][value=DISPOSE_BY_SHREDDING]")).click();
        form.findElement(By.cssSelector("button.primary")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div#" + cellId)));
        WebElement cell = driver.findElement(By.cssSelector("div#" + cellId));
        assertThat(cell.getText()).contains("裁断して廃棄する", "指定された場所へ持ち込む", "会社が変更");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/policy/standard"));
        screenshot("policy-standard-editor.png");

        var rule = policy.standard().rule(level, Aspect.DISPOSAL, Medium.DOCUMENT).orElseThrow();
        assertThat(rule.permitted()).isEqualTo(Permitted.ANYONE_IN_SCOPE);
        assertThat(rule.obligations()).containsExactlyInAnyOrder(Obligation.BRING_TO_DESIGNATED_PLACE,
                Obligation.DISPOSE_BY_SHREDDING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    private void screenshot(String name) throws IOException {
        if (driver instanceof TakesScreenshot camera) {
            Files.createDirectories(Path.of("target"));
            Files.copy(camera.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
