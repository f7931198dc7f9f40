package org.erratum.content.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.erratum.testsupport.IntegrationTest;
import org.erratum.testsupport.TestClient;
import org.erratum.testsupport.TestClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every content-service endpoint and page against every kind of caller: reading is public, editing needs EDITOR
 * (or ADMIN). A status other than 401/403 (or a redirect to the sign-in page) means the caller got past security
 * (an unknown article answers 404, an empty body 400). A method no endpoint takes answers 405 to anyone: there is
 * nothing behind it to protect.
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
            POST   | /api/articles                              | senior    | 403
            POST   | /api/articles                              | editor    | 400
            POST   | /api/articles                              | admin     | 400
            PUT    | /api/articles/unknown                      | anonymous | 401
            PUT    | /api/articles/unknown                      | reviewer  | 403
            PUT    | /api/articles/unknown                      | senior    | 403
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
            GET    | /editor                                    | editor    | 302
            POST   | /editor/articles                           | editor    | 403
            """)
    void eachCallerReachesExactlyWhatItsRoleAllows(String method, String path, String caller, int expected) {
        Response response = TestClient.onPort(port).asDevAccount(caller).call(method, path);

        assertThat(response.status()).as(method + " " + path + " " + response).isEqualTo(expected);
    }

    /**
     * The editor's screens, signed in through the sign-in form; every form is sent with the session's CSRF token.
     * Readers have no account: "anonymous" is a reader, sent to the sign-in page. The posts preview (or, to "guidance
     * changed", name no topic or reason), so an allowed one answers the form page (200) and changes nothing.
     */
    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /login                                                                | anonymous | 200
            GET    | /editor                                                               | anonymous | 302
            GET    | /editor                                                               | reviewer  | 403
            GET    | /editor                                                               | senior    | 403
            GET    | /editor                                                               | editor    | 200
            GET    | /editor                                                               | admin     | 200
            GET    | /editor?q=pain                                                        | anonymous | 302
            GET    | /editor?q=pain                                                        | reviewer  | 403
            GET    | /editor?q=pain                                                        | senior    | 403
            GET    | /editor?q=pain                                                        | editor    | 200
            GET    | /editor?q=pain                                                        | admin     | 200
            GET    | /editor/articles/new                                                  | anonymous | 302
            GET    | /editor/articles/new                                                  | reviewer  | 403
            GET    | /editor/articles/new                                                  | senior    | 403
            GET    | /editor/articles/new                                                  | editor    | 200
            GET    | /editor/articles/new                                                  | admin     | 200
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit            | anonymous | 302
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit            | reviewer  | 403
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit            | senior    | 403
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit            | editor    | 200
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit            | admin     | 200
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit?item=i-1   | anonymous | 302
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit?item=i-1   | reviewer  | 403
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit?item=i-1   | senior    | 403
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit?item=i-1   | editor    | 200
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/edit?item=i-1   | admin     | 200
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/history         | anonymous | 302
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/history         | reviewer  | 403
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/history         | senior    | 403
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/history         | editor    | 200
            GET    | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41/history         | admin     | 200
            GET    | /editor/articles/unknown/history                                      | editor    | 404
            GET    | /editor/articles/unknown/edit                                         | editor    | 404
            GET    | /editor/articles/unknown/edit?item=i-1                                | reviewer  | 403
            POST   | /editor/articles                                                      | anonymous | 302
            POST   | /editor/articles                                                      | reviewer  | 403
            POST   | /editor/articles                                                      | senior    | 403
            POST   | /editor/articles                                                      | editor    | 200
            POST   | /editor/articles                                                      | admin     | 200
            POST   | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41                 | anonymous | 302
            POST   | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41                 | reviewer  | 403
            POST   | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41                 | senior    | 403
            POST   | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41                 | editor    | 200
            POST   | /editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41                 | admin     | 200
            POST   | /editor/articles/unknown                                              | editor    | 404
            GET    | /editor/guidance-changed                                              | anonymous | 302
            GET    | /editor/guidance-changed                                              | reviewer  | 403
            GET    | /editor/guidance-changed                                              | senior    | 403
            GET    | /editor/guidance-changed                                              | editor    | 200
            GET    | /editor/guidance-changed                                              | admin     | 200
            GET    | /editor/guidance-changed/marked                                       | anonymous | 302
            GET    | /editor/guidance-changed/marked                                       | reviewer  | 403
            GET    | /editor/guidance-changed/marked                                       | senior    | 403
            POST   | /editor/guidance-changed                                              | anonymous | 302
            POST   | /editor/guidance-changed                                              | reviewer  | 403
            POST   | /editor/guidance-changed                                              | senior    | 403
            POST   | /editor/guidance-changed                                              | editor    | 200
            POST   | /editor/guidance-changed                                              | admin     | 200
            POST   | /editor/articles/unknown                                              | anonymous | 302
            POST   | /editor/articles/unknown                                              | reviewer  | 403
            POST   | /logout                                                               | editor    | 302
            POST   | /logout                                                               | anonymous | 302
            """)
    void eachCallerReachesExactlyTheEditorsScreensItsRoleAllows(String method, String path, String caller,
            int expected) {
        TestClient session = TestClient.onPort(port).signedInAs(caller);

        Response response = "GET".equals(method) ? session.getText(path)
                : session.submit("/login", path, Map.of("action", "preview"));

        assertThat(response.status()).as(method + " " + path + " as " + caller).isEqualTo(expected);
        if (expected == 302) {
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith(path.equals("/logout") ? "/login?logout" : "/login"));
        }
    }

    /** A form another site makes a signed-in editor's browser send carries no token: refused, nothing done. */
    @ParameterizedTest
    @ValueSource(strings = {"/editor/articles", "/editor/articles/5a0c3f2e-8d1b-4c6a-9e27-3b1f0d6a7c41",
            "/editor/guidance-changed", "/logout"})
    void everyEditorFormNeedsTheSessionsCsrfToken(String path) {
        TestClient editor = TestClient.onPort(port).signedInAs("editor");

        Response forged = editor.postForm(path, Map.of("action", "save", "title", "Forged",
                "expectedRevision", "1", "changeSummary", "Forged", "significance", "MAJOR",
                "topic", "medicines", "reason", "Forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(editor.getText("/editor").status()).as("still signed in").isEqualTo(200);
    }
}
