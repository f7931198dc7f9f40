package org.erratum.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte over a socket, for requests that well-behaved clients refuse to send (a malformed
 * request line or header, a header of 10 KB) and for a chosen client address, which the JDK's client cannot bind.
 * Each request is sent with {@code Connection: close} and the response is read to the end of the stream.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** Sends the bytes as they are, from the loopback address. */
    public static Response send(int port, byte[] request) {
        return send(InetAddress.getLoopbackAddress(), port, request);
    }

    /** Sends the bytes as they are, from a chosen local address such as 127.0.0.2. */
    public static Response send(InetAddress from, int port, byte[] request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException refusedMidway) {
                // the server may answer and close before it has read all of an oversized request
            }
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request: the request line, then Host, the given headers, Content-Length and Connection: close, then the body. */
    public static byte[] request(String requestLine, List<Map.Entry<String, String>> headers, byte[] body, int port) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        List<Map.Entry<String, String>> all = new ArrayList<>();
        all.add(Map.entry("Host", "localhost:" + port));
        all.addAll(headers);
        boolean sendsBody = body.length > 0 || requestLine.startsWith("POST ") || requestLine.startsWith("PUT ");
        if (sendsBody && all.stream().noneMatch(header -> header.getKey().equalsIgnoreCase("Content-Length"))) {
            all.add(Map.entry("Content-Length", Integer.toString(body.length)));
        }
        all.add(Map.entry("Connection", "close"));
        all.forEach(header -> head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketException reset) {
            // a server that refused an oversized request may reset the connection after its answer
        }
        return bytes.toByteArray();
    }

    /**
     * @param headers by lower-case name; the last value of a repeated header
     * @param body    decoded from chunks when the response was chunked, as UTF-8
     */
    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int endOfHead = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || endOfHead < 0) {
                throw new IllegalStateException("Not an HTTP/1.1 response: " + text);
            }
            String[] lines = text.substring(0, endOfHead).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, endOfHead + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunked(body);
            }
            return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] dechunked(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOfCrLf(chunked, at);
                String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, length);
                at = lineEnd + 2 + length + 2;
            }
            return body.toByteArray();
        }

        private static int indexOfCrLf(byte[] bytes, int from) {
            for (int i = from; i < bytes.length - 1; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("A chunk size without its line end");
        }
    }
}
