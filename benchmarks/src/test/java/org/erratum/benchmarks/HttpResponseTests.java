package org.erratum.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The load generator counts a response only once all of it has arrived, however the server frames its body. */
class HttpResponseTests {

    /** As Tomcat answers the intake endpoints: chunked JSON, one chunk. */
    private static final String CHUNKED = "HTTP/1.1 202 \r\nVary: Origin\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\nDate: Tue, 01 Dec 2026 13:04:33 GMT\r\n\r\n"
            + "41\r\n{\"id\":\"4820237d-7a69-4f57-946d-d3cbbb8d5d9b\",\"status\":\"accepted\"}\r\n0\r\n\r\n";

    private static final String SIZED = "HTTP/1.1 429 Too Many Requests\r\ncontent-length: 5\r\nRetry-After: 1\r\n"
            + "CONNECTION: Close\r\n\r\nslow!";

    @Test
    void aChunkedResponseEndsAfterItsLastEmptyChunk() {
        HttpResponse response = parse(CHUNKED, CHUNKED.length());

        assertThat(response).isEqualTo(new HttpResponse(CHUNKED.length(), 202, false));
    }

    @Test
    void aSizedResponseEndsAfterItsContentLengthAndSaysWhetherTheServerCloses() {
        HttpResponse response = parse(SIZED, SIZED.length());

        assertThat(response).isEqualTo(new HttpResponse(SIZED.length(), 429, true));
    }

    @Test
    void aResponseCutAnywhereIsNotCompleteYet() {
        for (String whole : new String[] {CHUNKED, SIZED}) {
            for (int cut = 0; cut < whole.length(); cut++) {
                assertThat(parse(whole, cut)).as("cut after %d bytes of %s", cut, whole).isNull();
            }
        }
    }

    @Test
    void whatFollowsAResponseIsNotPartOfIt() {
        HttpResponse response = parse(SIZED + "HTTP/1.1 200 OK\r\n", SIZED.length() + 17);

        assertThat(response.length()).isEqualTo(SIZED.length());
    }

    @Test
    void whatIsNotAnHttpResponseFailsLoudly() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("SSH-2.0-OpenSSH_9.2\r\n\r\n", 23));
    }

    private static HttpResponse parse(String text, int limit) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return HttpResponse.parse(bytes, limit);
    }
}
