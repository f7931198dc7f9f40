package org.erratum.content;

import org.erratum.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ContentArchitectureTests {

    @Test
    void keepsToItsOwnCodeTheContractsAndThePlatform() {
        ServiceArchitecture.check("content");
    }
}
