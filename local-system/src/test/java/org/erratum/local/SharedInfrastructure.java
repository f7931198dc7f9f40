package org.erratum.local;

import org.erratum.testsupport.Endpoints;
import org.erratum.testsupport.TestInfrastructure;

/** The tests' shared broker and store (test-support decides which), as the services are started on them. */
public final class SharedInfrastructure {

    private SharedInfrastructure() {
    }

    public static ErratumServices.Infrastructure get() {
        Endpoints endpoints = TestInfrastructure.endpoints();
        return new ErratumServices.Infrastructure(endpoints.kafkaBootstrapServers(), endpoints.mongoServer(),
                endpoints.embeddedStore());
    }
}
