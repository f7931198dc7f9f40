package org.erratum.local.browser;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff do on the server-rendered staff pages (the editor's screens, the review console) in one browser, as a
 * person does it: sign in on the form the service sent them to, find controls by their labels (and a row of a form
 * by its legend), press buttons by their words, and reload while waiting for another service.
 */
final class StaffPagesInBrowser {

    private final ChromeDriver driver;

    StaffPagesInBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    ChromeDriver driver() {
        return driver;
    }

    StaffPagesInBrowser open(String url) {
        driver.get(url);
        return this;
    }

    /** Opens a staff page and signs in on the sign-in page the service sends the browser to. */
    StaffPagesInBrowser openSignedIn(String url, String username, String password) {
        open(url);
        signIn(username, password);
        return this;
    }

    /** Signs in on the sign-in page the service sent the browser to, and waits to be let through. */
    void signIn(String username, String password) {
        assertThat(driver.getCurrentUrl()).contains("/login");
        field("Username").sendKeys(username);
        field("Password").sendKeys(password);
        press("Sign in");
        awaitPage(() -> !driver.getCurrentUrl().contains("/login"));
    }

    /** The form control a label names, found as a screen reader user finds it. */
    WebElement field(String label) {
        return driver.findElement(By.id(labelled(label).getDomAttribute("for")));
    }

    /** The control a label names within the fieldset (a section, a reference) its legend names. */
    WebElement field(String legend, String label) {
        WebElement labelElement = driver.findElement(By.xpath("//fieldset[legend[normalize-space()=" + literal(legend)
                + "]]//label[normalize-space()=" + literal(label) + "]"));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    WebElement labelled(String label) {
        return driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
    }

    /** Replaces what a field holds with {@code text}; in a text area, new lines are new lines. */
    void fill(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    /** Chooses an option of the drop-down a label names, by the option's words. */
    void choose(String label, String option) {
        WebElement choice = field(label).findElement(By.xpath("./option[normalize-space()=" + literal(option) + "]"));
        choice.click();
        assertThat(choice.isSelected()).as(label + ": " + option).isTrue();
    }

    /** What a fact list ({@code <dl class="facts">}) says for a term. */
    String fact(String term) {
        return driver.findElement(By.xpath("//dl[@class='facts']//dt[normalize-space()=" + literal(term)
                + "]/following-sibling::dd")).getText();
    }

    void press(String button) {
        button(button).click();
    }

    WebElement button(String button) {
        return driver.findElement(By.xpath("//button[normalize-space()=" + literal(button) + "]"));
    }

    String confirmation() {
        return driver.findElement(By.cssSelector("[role=status].confirmation")).getText();
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** Waits for the page a click leads to; while it loads, the old page's elements may go stale. */
    void awaitPage(Callable<Boolean> arrived) {
        Browsers.awaitPage(arrived);
    }

    /** Reloads the page, as someone waiting for another service would, until the condition holds. */
    void awaitAfterReloads(Callable<Boolean> condition) {
        Browsers.awaitAfterReloads(driver, condition);
    }

    /** Saves the whole page as target/screenshots/{name}.png for a person to look at. */
    Path screenshot(String name) {
        return Chromium.screenshot(driver, name);
    }

    /** A string as an XPath literal; the labels here hold apostrophes but no double quotes. */
    private static String literal(String text) {
        return "\"" + text + "\"";
    }
}
