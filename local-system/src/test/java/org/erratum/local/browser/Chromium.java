package org.erratum.local.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), driven by Selenium with
 * both paths given explicitly so that Selenium Manager never tries to download a browser or a driver.
 * <p>
 * Where the browser is not installed the browser tests are skipped with a message saying so, unless
 * {@code ERRATUM_REQUIRE_BROWSER=true} (set by CI), where they fail instead: a CI run must not pass by skipping.
 */
final class Chromium {

    static final Path BINARY = Path.of(System.getenv().getOrDefault("ERRATUM_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("ERRATUM_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static final Path PROFILES = Path.of("target/browser-profiles");
    private static final Path LOGS = Path.of("target/system-logs");

    private Chromium() {
    }

    /** Skips (or, where required, fails) the calling tests when {@code what} is missing. */
    static void require(boolean present, String what) {
        require(present, what, System.getenv("ERRATUM_REQUIRE_BROWSER"));
    }

    static void require(boolean present, String what, String requireBrowser) {
        if (present) {
            return;
        }
        String message = what + " is missing: install it (see .ci/run) to run the browser tests";
        if ("true".equalsIgnoreCase(requireBrowser)) {
            throw new IllegalStateException(message + " (ERRATUM_REQUIRE_BROWSER=true)");
        }
        Assumptions.abort(message);
    }

    static void requireInstalled() {
        require(Files.isExecutable(BINARY), "Chromium (" + BINARY + ", Debian package chromium)");
        require(Files.isExecutable(DRIVER), "ChromeDriver (" + DRIVER + ", Debian package chromium-driver)");
    }

    /** A fresh browser with its own profile: no cookies, so its reader is a new reader. */
    static ChromeDriver start(boolean javascript) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + freshProfile().toAbsolutePath());
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logFile())
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves the whole page, not just the window, as target/screenshots/{name}.png for a person to look at. */
    static Path screenshot(ChromeDriver driver, String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
            driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(height.intValue() + 160, 8000)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static Path freshProfile() {
        try {
            Files.createDirectories(PROFILES);
            return Files.createTempDirectory(PROFILES, "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File logFile() {
        try {
            Files.createDirectories(LOGS);
            return LOGS.resolve("chromedriver.log").toFile();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
