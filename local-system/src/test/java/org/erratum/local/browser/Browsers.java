package org.erratum.local.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.awaitility.Awaitility.await;

/**
 * The browsers one test opens, each a fresh headless Chromium with a profile of its own (so a new person), all
 * closed when the test ends; and the two ways the browser tests wait. Register it on the test class with
 * {@code @RegisterExtension final Browsers browsers = new Browsers();}.
 */
final class Browsers implements AfterEachCallback {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final List<ChromeDriver> open = new ArrayList<>();

    ChromeDriver start(boolean javascript) {
        ChromeDriver browser = Chromium.start(javascript);
        open.add(browser);
        return browser;
    }

    /** A member of staff at the server-rendered staff pages, with JavaScript on. */
    StaffPagesInBrowser staff() {
        return staff(true);
    }

    StaffPagesInBrowser staff(boolean javascript) {
        return new StaffPagesInBrowser(start(javascript));
    }

    /** A reader at an article page. */
    ArticlePageInBrowser reader(boolean javascript) {
        return new ArticlePageInBrowser(start(javascript));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(ChromeDriver::quit);
        open.clear();
    }

    /** Waits for the page a click leads to; while it loads, the old page's elements may go stale. */
    static void awaitPage(Callable<Boolean> arrived) {
        await().atMost(WAIT).ignoreExceptions().until(arrived);
    }

    /** Reloads the page, as someone waiting for another service would, until the condition holds. */
    static void awaitAfterReloads(WebDriver driver, Callable<Boolean> condition) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            driver.navigate().refresh();
            return condition.call();
        });
    }
}
