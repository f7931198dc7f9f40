package org.erratum.local.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a reader does on an article page, in one browser. */
final class ArticlePageInBrowser {

    /**
     * The feedback service keeps forms sent sooner than this after the page was rendered as a bot's (its
     * {@code erratum.feedback.intake.form-token.min-age}, 2 s by default): a reader here takes a little longer.
     */
    private static final Duration TIME_TO_READ = Duration.ofMillis(2_500);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Keyboard keyboard;

    ArticlePageInBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.keyboard = new Keyboard(driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    ArticlePageInBrowser open(String url) {
        driver.get(url);
        return this;
    }

    /** A mark in the page's window that a reload or a navigation would wipe out. */
    void markThisPageLoad() {
        script("window.erratumPageLoad = 'still here';");
    }

    boolean isTheSamePageLoad() {
        return "still here".equals(script("return window.erratumPageLoad || null;"));
    }

    /** Waits, as a reader reading the article would, until the form is old enough to be taken for a person's. */
    void takeTimeToRead() {
        long renderedAt = Long.parseLong(value(driver.findElement(By.name("formToken"))).split("\\.")[0]);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> System.currentTimeMillis() - renderedAt >= TIME_TO_READ.toMillis());
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    void choose(String radioId) {
        driver.findElement(By.cssSelector("label[for='" + radioId + "']")).click();
        assertThat(byId(radioId).isSelected()).as(radioId + " chosen").isTrue();
    }

    boolean reasonsShown() {
        return driver.findElement(By.cssSelector(".vote-form .reasons")).isDisplayed();
    }

    void sendVote() {
        driver.findElement(By.cssSelector(".vote-form button[type=submit]")).click();
    }

    void openReportForm() {
        driver.findElement(By.cssSelector("#report > summary")).click();
        await().atMost(WAIT).until(() -> byId("report-comment").isDisplayed());
    }

    void sendReport() {
        driver.findElement(By.cssSelector(".report-form button[type=submit]")).click();
    }

    /** Selects {@code text} inside the article the way a reader drags over it. */
    void selectInArticle(String text) {
        Object found = script("""
                const wanted = arguments[0];
                const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const at = node.textContent.indexOf(wanted);
                  if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + wanted.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return selection.toString();
                  }
                }
                return null;""", text);
        assertThat(found).as("selected in the article").isEqualTo(text);
    }

    /**
     * Drags from the start of {@code from} to the end of {@code to}, which may be in other blocks further on.
     *
     * @return the selection as the browser reads it out
     */
    String selectAcross(String from, String to) {
        Object selected = script("""
                const [from, to] = arguments;
                const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
                let start = null;
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  if (!start && node.textContent.indexOf(from) >= 0) {
                    start = [node, node.textContent.indexOf(from)];
                  }
                  const at = start ? node.textContent.indexOf(to, node === start[0] ? start[1] : 0) : -1;
                  if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(start[0], start[1]);
                    range.setEnd(node, at + to.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return selection.toString();
                  }
                }
                return null;""", from, to);
        assertThat(selected).as("selected in the article from '%s' to '%s'", from, to).isNotNull();
        return (String) selected;
    }

    String status() {
        return byId("feedback-status").getText();
    }

    String awaitStatus() {
        return await().atMost(WAIT).until(this::status, text -> !text.isBlank());
    }

    List<String> errorSummary() {
        return driver.findElements(By.cssSelector("#feedback-errors li")).stream().map(WebElement::getText).toList();
    }

    String focusedId() {
        return keyboard.focusedId();
    }

    void press(CharSequence... keys) {
        keyboard.press(keys);
    }

    /** Presses Tab until {@code selector} has the focus, each stop showing where the focus is. */
    void tabTo(String selector) {
        keyboard.tabTo(selector);
    }

    String value(WebElement field) {
        return field.getDomProperty("value");
    }

    void type(String id, String text) {
        byId(id).sendKeys(text);
    }

    /** Sets a field's value at once, past its {@code maxlength}, as a pasted text in an old browser would. */
    void fill(String id, String text) {
        script("arguments[0].value = arguments[1];", byId(id), text);
    }

    /**
     * Switches off the browser's own form checks ({@code required}, {@code maxlength}, {@code type=email}), so
     * the feedback service's checks are what a reader meets, as with a browser that has none.
     */
    void bypassTheBrowsersOwnChecks() {
        script("""
                document.querySelectorAll('form').forEach(form => form.noValidate = true);
                document.querySelectorAll('[maxlength]').forEach(field => field.removeAttribute('maxlength'));""");
    }

    /** Saves the whole page as target/screenshots/{name}.png for a person to look at. */
    Path screenshot(String name) {
        return Chromium.screenshot(driver, name);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebDriver webDriver() {
        return driver;
    }
}
