package org.erratum.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.erratum.testsupport.ApiClient;
import org.erratum.testsupport.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every feedback-service endpoint against every kind of caller: reader feedback and the erasure pages a reader
 * reaches from a message are anonymous, the editorial readouts need EDITOR or ADMIN. A status other than 401/403 means the caller got past security (an unknown revision answers
 * 404, an empty vote 400): that is what "allowed" means here.
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
            POST | /api/editorial/reports                                      | editor    | 403
            POST | /api/feedback/votes                                         | anonymous | 400
            POST | /api/feedback/reports                                       | anonymous | 400
            GET  | /api/feedback/articles/unknown/revisions/1/helpfulness      | anonymous | 404
            GET  | /actuator/health                                            | anonymous | 200
            GET  | /actuator/prometheus                                        | anonymous | 200
            GET  | /actuator/env                                               | admin     | 403
            GET  | /actuator/beans                                             | anonymous | 401
            GET  | /api/anything-else                                          | admin     | 403
            GET  | /feedback/contact/erase?report=r&token=t                    | anonymous | 404
            GET  | /feedback/contact/erase?report=r&token=t                    | editor    | 404
            POST | /feedback/contact/erase                                     | anonymous | 415
            PUT  | /feedback/contact/erase                                     | anonymous | 403
            GET  | /feedback/contact/erased                                    | anonymous | 200
            GET  | /css/contact.css                                            | anonymous | 200
            """)
    void eachCallerReachesExactlyWhatItsRoleAllows(String method, String path, String caller, int expected) {
        ApiClient.Response response = ApiClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(method + " " + path + " " + response).isEqualTo(expected);
    }
}
