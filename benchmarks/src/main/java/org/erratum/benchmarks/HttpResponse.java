package org.erratum.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * Finds a whole HTTP/1.1 response at the start of what a connection has read so far, without a call or an object per
 * byte: the generator shares the server's cores, and building a {@code String} per header line cost several
 * microseconds per request. Bodies are skipped, by {@code Content-Length} or chunk by chunk (no trailers).
 *
 * @param length  the response's bytes, headers and body
 * @param status  its status code
 * @param closing whether the server closes the connection after it (Tomcat does every 100 requests)
 */
record HttpResponse(int length, int status, boolean closing) {

    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONNECTION = "connection:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHUNKED = "chunked".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);

    /** The request's bytes, built once: the same request is sent again and again. */
    static byte[] post(String host, int port, String path, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /**
     * @return the response that starts at {@code bytes[0]} and ends before {@code limit}, or null while it is not
     *         all there yet
     * @throws IllegalArgumentException for what is not an HTTP/1.1 response
     */
    static HttpResponse parse(byte[] bytes, int limit) {
        int statusLineEnd = lineEnd(bytes, 0, limit);
        if (statusLineEnd < 0) {
            return null;
        }
        if (statusLineEnd < 14 || bytes[0] != 'H' || bytes[8] != ' ') {
            throw new IllegalArgumentException("not an HTTP response: " + text(bytes, 0, statusLineEnd));
        }
        int status = (int) number(bytes, 9, 12, 10);
        long bodyLength = 0;
        boolean chunked = false;
        boolean closing = false;
        int line = statusLineEnd;
        for (int end = lineEnd(bytes, line, limit); end - line != 2; end = lineEnd(bytes, line, limit)) {
            if (end < 0) {
                return null;
            }
            if (startsWith(bytes, line, end, CONTENT_LENGTH)) {
                bodyLength = number(bytes, line + CONTENT_LENGTH.length, end - 2, 10);
            } else if (startsWith(bytes, line, end, TRANSFER_ENCODING)) {
                chunked = contains(bytes, line, end, CHUNKED);
            } else if (startsWith(bytes, line, end, CONNECTION)) {
                closing = contains(bytes, line, end, CLOSE);
            }
            line = end;
        }
        long end = line + 2; // past the empty line that ends the headers
        if (chunked) {
            for (long chunk = -1; chunk != 0; ) {
                int sizeEnd = lineEnd(bytes, (int) end, limit);
                if (sizeEnd < 0) {
                    return null;
                }
                chunk = number(bytes, (int) end, sizeEnd - 2, 16);
                end = sizeEnd + chunk + 2; // the chunk and the CRLF after it; after the last, empty chunk, the end
            }
        } else {
            end += bodyLength;
        }
        return end <= limit ? new HttpResponse((int) end, status, closing) : null;
    }

    /** @return the index just past the CRLF of the line starting at {@code from}, or -1 if it is not all there */
    private static int lineEnd(byte[] bytes, int from, int limit) {
        for (int i = from; i + 1 < limit; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i + 2;
            }
        }
        return -1;
    }

    /** In any case: the names hold only letters, '-' and ':', which {@code | 0x20} leaves or lowers. */
    private static boolean startsWith(byte[] bytes, int from, int end, byte[] lowerCaseName) {
        if (end - from < lowerCaseName.length) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length; i++) {
            if ((bytes[from + i] | 0x20) != lowerCaseName[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, int from, int end, byte[] lowerCaseWord) {
        for (int start = from; start + lowerCaseWord.length <= end; start++) {
            int i = 0;
            while (i < lowerCaseWord.length && (bytes[start + i] | 0x20) == lowerCaseWord[i]) {
                i++;
            }
            if (i == lowerCaseWord.length) {
                return true;
            }
        }
        return false;
    }

    /** Spaces are skipped; a chunk extension (after ';') is ignored. */
    private static long number(byte[] bytes, int from, int to, int radix) {
        long value = 0;
        for (int i = from; i < to && bytes[i] != ';'; i++) {
            int digit = Character.digit(bytes[i], radix);
            if (digit >= 0) {
                value = value * radix + digit;
            } else if (bytes[i] != ' ') {
                throw new IllegalArgumentException("not a number in the response: " + text(bytes, from, to));
            }
        }
        return value;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.max(0, to - from), StandardCharsets.US_ASCII);
    }
}
