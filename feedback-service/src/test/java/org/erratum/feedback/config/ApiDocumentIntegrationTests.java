package org.erratum.feedback.config;

import org.erratum.testsupport.ApiDocumentContract;
import org.erratum.testsupport.IntegrationTest;

/** The OpenAPI document is generated from the controllers, and the committed openapi.json is that document. */
@IntegrationTest
class ApiDocumentIntegrationTests extends ApiDocumentContract {

    @Override
    protected String module() {
        return "feedback-service";
    }
}
