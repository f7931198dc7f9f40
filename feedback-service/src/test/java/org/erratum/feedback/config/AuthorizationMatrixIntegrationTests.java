package org.erratum.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.erratum.testsupport.ApiClient;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every feedback-service endpoint against every kind of caller: reader feedback is anonymous, the editorial readouts
 * need EDITOR or ADMIN. A status other than 401/403 means the caller got past security (an unknown revision answers
 * 404, an empty vote 400, a wrong method 405): that is what "allowed" means here. A wrong method is no way round the
 * roles: it reaches Spring MVC's 405 only for a caller who may use the path at all.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/editorial/least-helpful                                | anonymous | 401
            GET  | /api/editorial/least-helpful                                | reviewer  | 403
            GET  | /api/editorial/least-helpful                                | editor    | 200
            GET  | /api/editorial/least-helpful                                | admin     | 200
            GET  | /api/editorial/reports                                      | anonymous | 401
            GET  | /api/editorial/reports                                      | reviewer  | 403
            GET  | /api/editorial/reports                                      | editor    | 200
            GET  | /api/editorial/reports                                      | admin     | 200
            GET  | /api/editorial/feedback.csv?from=2001-01-01&to=2001-01-31   | anonymous | 401
            GET  | /api/editorial/feedback.csv?from=2001-01-01&to=2001-01-31   | reviewer  | 403
            GET  | /api/editorial/feedback.csv?from=2001-01-01&to=2001-01-31   | editor    | 200
            GET  | /api/editorial/feedback.csv?from=2001-01-01&to=2001-01-31   | admin     | 200
            GET  | /api/editorial/feedback.csv                                 | anonymous | 401
            POST | /api/editorial/reports                                      | anonymous | 401
            POST | /api/editorial/reports                                      | reviewer  | 403
            POST | /api/editorial/reports                                      | editor    | 405
            GET  | /api/feedback/votes                                         | anonymous | 405
            DELETE | /api/feedback/reports                                     | anonymous | 405
            POST | /api/feedback/votes                                         | anonymous | 400
            POST | /api/feedback/reports                                       | anonymous | 400
            GET  | /api/feedback/articles/unknown/revisions/1/helpfulness      | anonymous | 404
            GET  | /v3/api-docs                                                | anonymous | 401
            GET  | /v3/api-docs                                                | reviewer  | 200
            GET  | /v3/api-docs                                                | editor    | 200
            GET  | /v3/api-docs.yaml                                           | anonymous | 401
            GET  | /v3/api-docs.yaml                                           | admin     | 200
            POST | /v3/api-docs                                                | editor    | 403
            GET  | /swagger-ui/index.html                                      | admin     | 403
            GET  | /actuator/health                                            | anonymous | 200
            GET  | /actuator/prometheus                                        | anonymous | 200
            GET  | /actuator/env                                               | admin     | 403
            GET  | /actuator/beans                                             | anonymous | 401
            GET  | /api/anything-else                                          | admin     | 403
            """)
    void eachCallerReachesExactlyWhatItsRoleAllows(String method, String path, String caller, int expected) {
        ApiClient.Response response = ApiClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(method + " " + path + " " + response).isEqualTo(expected);
    }
}
