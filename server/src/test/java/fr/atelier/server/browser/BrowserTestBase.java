package fr.atelier.server.browser;

import fr.atelier.server.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium (Debian's chromium + chromium-driver) against a real server on the
 * embedded default. Each person (facilitator, projector, phone) gets a browser of their own, so
 * phones keep separate storage like real devices. Every state a test shows ({@link #shot}) is
 * screenshot to target/screenshots and audited by axe-core ({@link Accessibility}, decision 26).
 */
public abstract class BrowserTestBase {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    protected static final Duration WAIT = Duration.ofSeconds(15);
    protected static TestNode node;
    protected static String base;
    private final List<WebDriver> browsers = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        requireChromium();
        node = TestNode.embedded();
        base = "http://127.0.0.1:" + node.port();
    }

    /** Skips the test where this machine has no Chromium, except in CI where it must. */
    protected static void requireChromium() {
        boolean available = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!available) {
            if ("required".equals(System.getenv("ATELIER_TEST_BROWSER"))) {
                throw new IllegalStateException("chromium and chromium-driver are required");
            }
            Assumptions.abort("chromium or chromedriver missing: browser tests skipped");
        }
    }

    @AfterAll
    static void stopServer() {
        if (node != null) {
            node.close();
        }
    }

    @AfterEach
    void closeBrowsers(org.junit.jupiter.api.TestInfo info) {
        int i = 0;
        for (WebDriver b : browsers) {
            try {
                // The last state of every browser, to see what a failed wait was waiting for; not
                // audited, so that an accessibility failure never hides the test's own failure.
                screenshot(b, "last-" + getClass().getSimpleName() + "-" + (i++));
                b.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        browsers.clear();
    }

    /** A phone: 360 × 740 CSS pixels, touch, mobile user agent (Chrome's device emulation). */
    protected WebDriver phone() {
        return browser(360, 740, true);
    }

    protected WebDriver desktop() {
        return browser(1280, 800);
    }

    protected WebDriver projector() {
        return browser(1920, 1080);
    }

    protected WebDriver browser(int width, int height) {
        return browser(width, height, false);
    }

    protected WebDriver browser(int width, int height, boolean mobile) {
        ChromeOptions options = new ChromeOptions();
        if (mobile) {
            options.setExperimentalOption("mobileEmulation", java.util.Map.of(
                    "deviceMetrics", java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true),
                    "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"));
        }
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=fr-FR", "--window-size=" + width + "," + height,
                "--user-data-dir=" + tempDir());
        configure(options);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(WAIT);
        browsers.add(driver);
        return driver;
    }

    /** A test class's own Chromium options (e.g. the performance log of every request); none by default. */
    protected void configure(ChromeOptions options) {}

    private static String tempDir() {
        try {
            return Files.createTempDirectory("atelier-chromium-").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    /** A wait that looks again when Lit re-rendered the element between finding it and reading it. */
    protected static WebDriverWait waiting(WebDriver b) {
        WebDriverWait wait = new WebDriverWait(b, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    protected static WebElement await(WebDriver b, By by) {
        return waiting(b).until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    protected static WebElement await(WebDriver b, String testId) {
        return await(b, testId(testId));
    }

    /** Waits until the element's text satisfies the condition; returns the text. */
    protected static String awaitText(WebDriver b, String testId, Function<String, Boolean> condition) {
        return waiting(b).until(d -> {
            List<WebElement> found = d.findElements(testId(testId));
            if (found.isEmpty()) {
                return null;
            }
            String text = found.get(0).getText();
            return condition.apply(text) ? text : null;
        });
    }

    protected static void click(WebDriver b, String testId) {
        WebElement e = await(b, testId);
        ((JavascriptExecutor) b).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
        new WebDriverWait(b, WAIT).until(d -> e.isEnabled());
        e.click();
    }

    protected static void type(WebDriver b, String testId, String text) {
        WebElement e = await(b, testId);
        e.clear();
        e.sendKeys(text);
    }

    protected static Object js(WebDriver b, String script, Object... args) {
        return ((JavascriptExecutor) b).executeScript(script, args);
    }

    /** A state of the test: screenshot, then the accessibility audit that fails on a WCAG 2.1 AA violation. */
    protected static Path shot(WebDriver b, String name) {
        Path file = screenshot(b, name);
        Accessibility.check(b, name);
        return file;
    }

    private static Path screenshot(WebDriver b, String name) {
        try {
            Path dir = Path.of(System.getProperty("atelier.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) b).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
