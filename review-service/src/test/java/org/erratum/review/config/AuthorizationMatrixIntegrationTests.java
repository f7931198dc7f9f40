package org.erratum.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.erratum.testsupport.ApiClient;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every review-service endpoint against every kind of caller. A status other than 401/403 means the caller got past
 * security (the unknown ids then answer 404, an empty queue 204, bad bodies 400): that is what "allowed" means here.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/review/items                        | anonymous | 401
            GET  | /api/review/items                        | editor    | 403
            GET  | /api/review/items                        | reviewer  | 200
            GET  | /api/review/items                        | senior    | 200
            GET  | /api/review/items                        | admin     | 200
            GET  | /api/review/items/unknown                | anonymous | 401
            GET  | /api/review/items/unknown                | editor    | 403
            GET  | /api/review/items/unknown                | reviewer  | 404
            POST | /api/review/items/unknown/claim          | anonymous | 401
            POST | /api/review/items/unknown/claim          | editor    | 403
            POST | /api/review/items/unknown/claim          | reviewer  | 404
            POST | /api/review/items/unknown/claim          | admin     | 404
            POST | /api/review/items/unknown/release        | editor    | 403
            POST | /api/review/items/unknown/release        | reviewer  | 404
            POST | /api/review/items/unknown/notes          | anonymous | 401
            POST | /api/review/items/unknown/notes          | editor    | 403
            POST | /api/review/items/unknown/notes          | reviewer  | 400
            POST | /api/review/items/unknown/escalate       | editor    | 403
            POST | /api/review/items/unknown/escalate       | reviewer  | 400
            POST | /api/review/items/unknown/resolve        | anonymous | 401
            POST | /api/review/items/unknown/resolve        | editor    | 403
            POST | /api/review/items/unknown/resolve        | senior    | 400
            POST | /api/review/items/spam                   | anonymous | 401
            POST | /api/review/items/spam                   | editor    | 403
            POST | /api/review/items/spam                   | reviewer  | 400
            POST | /api/review/articles/unknown/sign-off    | anonymous | 401
            POST | /api/review/articles/unknown/sign-off    | editor    | 403
            POST | /api/review/articles/unknown/sign-off    | reviewer  | 403
            POST | /api/review/articles/unknown/sign-off    | senior    | 400
            POST | /api/review/articles/unknown/sign-off    | admin     | 400
            GET  | /v3/api-docs                             | anonymous | 401
            GET  | /v3/api-docs                             | editor    | 200
            GET  | /v3/api-docs                             | reviewer  | 200
            GET  | /v3/api-docs                             | senior    | 200
            GET  | /v3/api-docs.yaml                        | anonymous | 401
            GET  | /v3/api-docs.yaml                        | admin     | 200
            POST | /v3/api-docs                             | reviewer  | 403
            GET  | /swagger-ui/index.html                   | admin     | 403
            GET  | /actuator/health                         | anonymous | 200
            GET  | /actuator/info                           | anonymous | 200
            GET  | /actuator/prometheus                     | anonymous | 200
            GET  | /actuator/env                            | admin     | 403
            GET  | /actuator/beans                          | anonymous | 401
            GET  | /api/anything-else                       | admin     | 403
            """)
    void eachCallerReachesExactlyWhatItsRoleAllows(String method, String path, String caller, int expected) {
        ApiClient.Response response = ApiClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    }
}
