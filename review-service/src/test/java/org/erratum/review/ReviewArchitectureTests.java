package org.erratum.review;

import org.erratum.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ReviewArchitectureTests {

    @Test
    void keepsToItsOwnCodeTheContractsAndThePlatform() {
        ServiceArchitecture.check("review");
    }
}
