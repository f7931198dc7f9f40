package org.erratum.local.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone using a page with the keyboard alone: keys pressed where the focus is, and Tab to move it. */
final class Keyboard {

    /** Far more Tab presses than a page has stops: a keyboard trap or a missing stop fails instead of looping. */
    private static final int MAX_TABS = 150;

    private final ChromeDriver driver;

    Keyboard(ChromeDriver driver) {
        this.driver = driver;
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Presses Tab until {@code selector} has the focus, checking on the way that every stop shows where the focus
     * is.
     */
    void tabTo(String selector) {
        WebElement target = driver.findElement(By.cssSelector(selector));
        for (int presses = 0; presses < MAX_TABS; presses++) {
            press(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            assertThat(focusIsVisible()).as("focus indicator on " + describe(focused)).isTrue();
            if (focused.equals(target)) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    String focusedId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    private boolean focusIsVisible() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                const style = getComputedStyle(document.activeElement);
                return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || style.boxShadow !== 'none';"""));
    }

    private static String describe(WebElement element) {
        return element.getTagName() + "#" + element.getAttribute("id") + " '" + element.getText() + "'";
    }
}
