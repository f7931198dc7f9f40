package org.erratum.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
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
            GET  | /api/review/items?limit=10&page=2        | anonymous | 401
            GET  | /api/review/items?limit=10&page=2        | editor    | 403
            GET  | /api/review/items?limit=10&page=2        | reviewer  | 200
            GET  | /api/review/items?limit=10&page=2        | senior    | 200
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
            PUT  | /api/review/items/unknown/safety-notice  | anonymous | 401
            PUT  | /api/review/items/unknown/safety-notice  | editor    | 403
            PUT  | /api/review/items/unknown/safety-notice  | reviewer  | 403
            PUT  | /api/review/items/unknown/safety-notice  | senior    | 400
            PUT  | /api/review/items/unknown/safety-notice  | admin     | 400
            DELETE | /api/review/items/unknown/safety-notice | anonymous | 401
            DELETE | /api/review/items/unknown/safety-notice | editor   | 403
            DELETE | /api/review/items/unknown/safety-notice | reviewer | 403
            DELETE | /api/review/items/unknown/safety-notice | senior   | 404
            DELETE | /api/review/items/unknown/safety-notice | admin    | 404
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
        Response response = TestClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(response.toString()).isEqualTo(expected);
    }

    /**
     * The console's pages and forms, each caller signed in through the form (anonymous: not at all) and posting with
     * its session's CSRF token. Getting past security here means a page (404 for the unknown ids) or the console's
     * redirect back to the page the form was on (with the queue's problem flashed); anonymous visitors are sent to
     * sign in, and a role too low meets the 403 page.
     */
    @ParameterizedTest(name = "console {0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /login                                    | anonymous | 200
            GET  | /                                         | anonymous | 302 /login
            GET  | /                                         | editor    | 403
            GET  | /                                         | reviewer  | 302 /console
            GET  | /console                                  | anonymous | 302 /login
            GET  | /console                                  | editor    | 403
            GET  | /console                                  | reviewer  | 200
            GET  | /console                                  | senior    | 200
            GET  | /console                                  | admin     | 200
            GET  | /console?state=RESOLVED                   | reviewer  | 200
            GET  | /console?page=2                           | anonymous | 302 /login
            GET  | /console?page=2                           | editor    | 403
            GET  | /console?page=2                           | reviewer  | 200
            GET  | /console?page=2                           | senior    | 200
            POST | /console/claim-next                       | anonymous | 302 /login
            POST | /console/claim-next                       | editor    | 403
            GET  | /console/items/unknown                    | anonymous | 302 /login
            GET  | /console/items/unknown                    | editor    | 403
            GET  | /console/items/unknown                    | reviewer  | 404
            GET  | /console/items/unknown                    | senior    | 404
            GET  | /console/items/unknown                    | admin     | 404
            GET  | /console/items/unknown?reportsPage=2      | anonymous | 302 /login
            GET  | /console/items/unknown?reportsPage=2      | editor    | 403
            GET  | /console/items/unknown?reportsPage=2      | reviewer  | 404
            GET  | /console/items/unknown?activityPage=2     | anonymous | 302 /login
            GET  | /console/items/unknown?activityPage=2     | editor    | 403
            GET  | /console/items/unknown?activityPage=2     | senior    | 404
            GET  | /console/articles/unknown/sign-off        | anonymous | 302 /login
            GET  | /console/articles/unknown/sign-off        | editor    | 403
            GET  | /console/articles/unknown/sign-off        | reviewer  | 403
            GET  | /console/articles/unknown/sign-off        | senior    | 404
            GET  | /console/articles/unknown/sign-off        | admin     | 404
            POST | /console/items/unknown/claim              | anonymous | 302 /login
            POST | /console/items/unknown/claim              | editor    | 403
            POST | /console/items/unknown/claim              | reviewer  | 302 /console/items/unknown
            POST | /console/items/unknown/claim              | senior    | 302 /console/items/unknown
            POST | /console/items/unknown/release            | anonymous | 302 /login
            POST | /console/items/unknown/release            | editor    | 403
            POST | /console/items/unknown/release            | reviewer  | 302 /console/items/unknown
            POST | /console/items/unknown/notes              | anonymous | 302 /login
            POST | /console/items/unknown/notes              | editor    | 403
            POST | /console/items/unknown/notes              | reviewer  | 302 /console/items/unknown
            POST | /console/items/unknown/escalate           | anonymous | 302 /login
            POST | /console/items/unknown/escalate           | editor    | 403
            POST | /console/items/unknown/escalate           | reviewer  | 302 /console/items/unknown
            POST | /console/items/unknown/resolve            | anonymous | 302 /login
            POST | /console/items/unknown/resolve            | editor    | 403
            POST | /console/items/unknown/resolve            | reviewer  | 302 /console/items/unknown
            POST | /console/items/unknown/resolve            | senior    | 302 /console/items/unknown
            POST | /console/items/unknown/resolve            | admin     | 302 /console/items/unknown
            POST | /console/items/unknown/safety-notice      | anonymous | 302 /login
            POST | /console/items/unknown/safety-notice      | editor    | 403
            POST | /console/items/unknown/safety-notice      | reviewer  | 403
            POST | /console/items/unknown/safety-notice      | senior    | 302 /console/items/unknown
            POST | /console/items/unknown/safety-notice      | admin     | 302 /console/items/unknown
            POST | /console/items/unknown/safety-notice/lift | anonymous | 302 /login
            POST | /console/items/unknown/safety-notice/lift | reviewer  | 403
            POST | /console/items/unknown/safety-notice/lift | senior    | 302 /console/items/unknown
            POST | /console/articles/unknown/sign-off        | anonymous | 302 /login
            POST | /console/articles/unknown/sign-off        | editor    | 403
            POST | /console/articles/unknown/sign-off        | reviewer  | 403
            POST | /console/articles/unknown/sign-off        | senior    | 302 /console/articles/unknown/sign-off
            POST | /console/articles/unknown/sign-off        | admin     | 302 /console/articles/unknown/sign-off
            POST | /logout                                   | reviewer  | 302 /login?logout
            """)
    void eachConsoleVisitorReachesExactlyWhatItsRoleAllows(String method, String path, String caller,
            String expected) {
        TestClient session = "anonymous".equals(caller) ? TestClient.onPort(port).session()
                : TestClient.onPort(port).signedIn(caller, caller + "-dev-password");

        Response response = "GET".equals(method) ? session.getText(path)
                // the sign-in page carries this session's CSRF token, whoever is signed in
                : session.submit("/login", path, Map.of("notice", "Being checked."));

        String[] status = expected.split(" ");
        assertThat(response.status()).as(path).isEqualTo(Integer.parseInt(status[0]));
        if (status.length > 1) {
            assertThat(response.headers().firstValue("Location")).as(path)
                    .hasValueSatisfying(location -> assertThat(location).endsWith(status[1]));
        }
    }
}
