package org.erratum.review.config;

import org.erratum.testsupport.ApiClient;
import org.erratum.testsupport.ApiDocument;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document is generated from the controllers, and the committed openapi.json is that document. */
@IntegrationTest
class ApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private ApiDocument served() {
        return ApiDocument.servedBy(ApiClient.onPort(port).as("admin", "admin-dev-password"), "review-service");
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
