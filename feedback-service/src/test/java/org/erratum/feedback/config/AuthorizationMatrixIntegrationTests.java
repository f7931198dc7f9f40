package org.erratum.feedback.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every feedback-service endpoint against every kind of caller: reader feedback and the erasure pages a reader
 * reaches from a message are anonymous, the editorial readouts need EDITOR or ADMIN. A status other than 401/403
 * means the caller got past security (an unknown revision answers 404, an empty vote 400, a wrong method 405): that
 * is what "allowed" means here. A wrong method is no way round the roles: it reaches Spring MVC's 405 only for a
 * caller who may use the path at all. The editorial pages are reached with a signed-in form session instead of HTTP
 * Basic; a reader is anonymous there, and is sent to the sign-in page.
 */
@IntegrationTest
class AuthorizationMatrixIntegrationTests {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /api/editorial/least-helpful                                | anonymous | 401
            GET  | /api/editorial/least-helpful                                | reviewer  | 403
            GET  | /api/editorial/least-helpful                                | senior    | 403
            GET  | /api/editorial/least-helpful                                | editor    | 200
            GET  | /api/editorial/least-helpful                                | admin     | 200
            GET  | /api/editorial/reports                                      | anonymous | 401
            GET  | /api/editorial/reports                                      | reviewer  | 403
            GET  | /api/editorial/reports                                      | senior    | 403
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
            GET  | /feedback/contact/erase?report=r&token=t                    | anonymous | 404
            GET  | /feedback/contact/erase?report=r&token=t                    | editor    | 404
            POST | /feedback/contact/erase                                     | anonymous | 415
            PUT  | /feedback/contact/erase                                     | anonymous | 405
            GET  | /feedback/contact/erased                                    | anonymous | 200
            GET  | /css/contact.css                                            | anonymous | 200
            """)
    void eachCallerReachesExactlyWhatItsRoleAllows(String method, String path, String caller, int expected) {
        Response response = TestClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(method + " " + path + " " + response).isEqualTo(expected);
    }

    @ParameterizedTest(name = "page {0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET  | /editorial                                                 | anonymous | 302
            GET  | /editorial                                                 | reviewer  | 403
            GET  | /editorial                                                 | senior    | 403
            GET  | /editorial                                                 | editor    | 200
            GET  | /editorial                                                 | admin     | 200
            GET  | /editorial?days=7                                          | editor    | 200
            GET  | /editorial?days=90                                         | admin     | 200
            GET  | /editorial?days=30                                         | anonymous | 302
            GET  | /editorial?days=30                                         | reviewer  | 403
            GET  | /editorial/articles/unknown                                | anonymous | 302
            GET  | /editorial/articles/unknown                                | reviewer  | 403
            GET  | /editorial/articles/unknown                                | editor    | 404
            GET  | /editorial/articles/unknown                                | admin     | 404
            GET  | /editorial/feedback.csv?from=2001-01-01&to=2001-01-31      | anonymous | 302
            GET  | /editorial/feedback.csv?from=2001-01-01&to=2001-01-31      | reviewer  | 403
            GET  | /editorial/feedback.csv?from=2001-01-01&to=2001-01-31      | editor    | 200
            GET  | /editorial/feedback.csv?from=2001-01-01&to=2001-01-31      | admin     | 200
            GET  | /login                                                     | anonymous | 200
            GET  | /css/editorial.css                                         | anonymous | 200
            POST | /editorial                                                 | editor    | 403
            POST | /logout                                                    | editor    | 403
            POST | /login                                                     | anonymous | 403
            """)
    void eachSignedInPageVisitorReachesExactlyWhatItsRoleAllows(String method, String path, String caller,
            int expected) {
        TestClient session = TestClient.onPort(port).signedInAs(caller);

        Response response = "GET".equals(method) ? session.getText(path) : session.postForm(path, Map.of());

        assertThat(response.status()).as(method + " " + path + " as " + caller).isEqualTo(expected);
        if (expected == 302) {
            assertThat(response.headers().firstValue("Location")).as("sent to sign in")
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        }
    }

    @Test
    void aSignedInPageSessionIsNoCredentialForTheJsonReadouts() {
        TestClient editor = TestClient.onPort(port).signedInAs("editor");

        assertThat(editor.getText("/editorial").status()).isEqualTo(200);
        assertThat(editor.getText("/api/editorial/least-helpful").status()).isEqualTo(401);
    }

    /**
     * A wrong password and an unknown account: the sign-in page says it failed and nothing opens. (Every development
     * account, the senior reviewer's included, exists in every service: the rows above show what each may do here.)
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"editor, not-the-password", "nobody, nobody-dev-password"})
    void aSignInWithoutAnAccountHereIsSentBackToTheSignInPage(String username, String password) {
        TestClient visitor = TestClient.onPort(port).session();

        Response refused = visitor.signIn(username, password);

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
        assertThat(visitor.follow(refused).body()).contains("Sign-in failed");
        assertThat(visitor.getText("/editorial").status()).isEqualTo(302);
        assertThat(visitor.getText("/editorial/feedback.csv?from=2001-01-01&to=2001-01-31").status()).isEqualTo(302);
    }
}
