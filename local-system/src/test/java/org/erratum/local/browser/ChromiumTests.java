package org.erratum.local.browser;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChromiumTests {

    @Test
    void aMissingBrowserSkipsTheBrowserTestsOnADevelopersMachine() {
        assertThatThrownBy(() -> Chromium.require(false, "Chromium", null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Chromium is missing");
    }

    @Test
    void aMissingBrowserFailsThemWhereTheyAreRequired() {
        assertThatThrownBy(() -> Chromium.require(false, "axe-core", "true"))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(TestAbortedException.class)
                .hasMessageContaining("axe-core is missing").hasMessageContaining("ERRATUM_REQUIRE_BROWSER=true");
    }

    @Test
    void anInstalledBrowserLetsThemRun() {
        assertThatCode(() -> Chromium.require(true, "Chromium", "true")).doesNotThrowAnyException();
    }
}
