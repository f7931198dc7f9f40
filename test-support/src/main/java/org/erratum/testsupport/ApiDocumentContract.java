package org.erratum.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every service's API document test checks: the document is generated from the controllers, and the committed
 * {@code openapi.json} is that document. A service's test extends this and is an {@link IntegrationTest}.
 */
public abstract class ApiDocumentContract {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The module's folder name, as the regeneration command names it. */
    protected abstract String module();

    private ApiDocument served() {
        return ApiDocument.servedBy(TestClient.onPort(port).as("admin", "admin-dev-password"), module());
    }

    @Test
    void theCommittedDocumentIsTheOneTheControllersMake() {
        served().isTheCommittedOne();
    }

    @Test
    void everyApiEndpointIsDocumented() {
        served().documentsEveryApiMappingOf(mappings);
    }
}
