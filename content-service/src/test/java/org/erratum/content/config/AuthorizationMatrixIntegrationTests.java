package org.erratum.content.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.erratum.testsupport.ApiClient;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every content-service endpoint against every kind of caller: reading is public, editing needs EDITOR. A status
 * other than 401/403 means the caller got past security (an unknown article answers 404, an empty body 400). A
 * method no endpoint takes answers 405 to anyone: there is nothing behind it to protect.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /api/articles                              | anonymous | 200
            GET    | /api/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41 | anonymous | 200
            GET    | /api/articles/unknown/revisions            | anonymous | 404
            GET    | /articles/paracetamol-for-adults           | anonymous | 200
            GET    | /                                          | anonymous | 200
            POST   | /api/articles                              | anonymous | 401
            POST   | /api/articles                              | reviewer  | 403
            POST   | /api/articles                              | editor    | 400
            POST   | /api/articles                              | admin     | 400
            PUT    | /api/articles/unknown                      | anonymous | 401
            PUT    | /api/articles/unknown                      | reviewer  | 403
            PUT    | /api/articles/unknown                      | editor    | 400
            PUT    | /api/articles/unknown                      | admin     | 400
            DELETE | /api/articles/unknown                      | editor    | 405
            DELETE | /api/articles/unknown                      | anonymous | 405
            POST   | /articles/paracetamol-for-adults           | anonymous | 405
            POST   | /api/articles/unknown/revisions            | anonymous | 405
            GET    | /v3/api-docs                               | anonymous | 401
            GET    | /v3/api-docs                               | reviewer  | 200
            GET    | /v3/api-docs                               | editor    | 200
            GET    | /v3/api-docs.yaml                          | anonymous | 401
            GET    | /v3/api-docs.yaml                          | admin     | 200
            GET    | /v3/api-docs/swagger-config                | anonymous | 401
            POST   | /v3/api-docs                               | editor    | 403
            GET    | /actuator/health                           | anonymous | 200
            GET    | /actuator/prometheus                       | anonymous | 200
            GET    | /actuator/env                              | editor    | 403
            GET    | /actuator/beans                            | anonymous | 401
            """)
    void eachCallerReachesExactlyWhatItsRoleAllows(String method, String path, String caller, int expected) {
        ApiClient.Response response = ApiClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(method + " " + path + " " + response).isEqualTo(expected);
    }
}
