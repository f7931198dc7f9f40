package org.erratum.feedback.intake;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a submission came from, as far as screening needs to know.
 *
 * @param address the client's IP address, only ever used in memory as a keyed hash for rate limiting. Behind a
 *                reverse proxy, set {@code server.forward-headers-strategy=native} so this is the client's address
 *                rather than the proxy's.
 */
public record Sender(Channel channel, String address) {

    public static Sender ofForm(HttpServletRequest request) {
        return new Sender(Channel.FORM, request.getRemoteAddr());
    }

    public static Sender ofApi(HttpServletRequest request) {
        return new Sender(Channel.API, request.getRemoteAddr());
    }

    @Override
    public String toString() {
        return "Sender[" + channel + "]"; // keeps the raw address out of logs and exception messages
    }
}
