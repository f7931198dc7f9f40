package org.erratum.feedback;

import org.erratum.testsupport.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class FeedbackArchitectureTests {

    @Test
    void keepsToItsOwnCodeTheContractsAndThePlatform() {
        ServiceArchitecture.check("feedback");
    }
}
