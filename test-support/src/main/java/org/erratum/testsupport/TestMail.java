package org.erratum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * A real SMTP server for the tests (GreenMail, in this JVM, on 127.0.0.1 and a free port), started once and shared
 * like the broker and the store: {@link InfrastructureInitializer} points {@code spring.mail.*} at it. It accepts
 * mail for any address and keeps it in memory. Tests share it, so each writes to addresses of its own and reads only
 * those; {@link #stop()} and {@link #start()} take it away and bring it back on the same port, for outage tests.
 */
public final class TestMail {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static GreenMail server;
    private static int port;

    private TestMail() {
    }

    /** The port the server listens on, starting it on first use. */
    public static synchronized int port() {
        if (server == null) {
            ServerSetup free = ServerSetup.SMTP.createCopy("127.0.0.1").dynamicPort();
            server = new GreenMail(free);
            server.start();
            port = server.getSmtp().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(TestMail::stop, "test-mail-shutdown"));
        }
        return port;
    }

    /** Takes the server away: connections to its port are refused until {@link #start()}. */
    public static synchronized void stop() {
        if (server != null && server.isRunning()) {
            server.stop();
        }
    }

    /** Brings the server back on the same port after {@link #stop()}, keeping nothing it had received. */
    public static synchronized void start() {
        port();
        if (!server.isRunning()) {
            server = new GreenMail(ServerSetup.SMTP.createCopy(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Every message received so far for one address, oldest first. */
    public static synchronized List<Received> to(String address) {
        port();
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address))
                .map(Received::of).toList();
    }

    /** Waits until the address has received exactly {@code count} messages, and returns them. */
    public static List<Received> awaitMessages(String address, int count) {
        return await().atMost(WAIT).until(() -> to(address), received -> received.size() >= count);
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null
                    && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A message as the server received it.
     *
     * @param body the decoded text body, lines ending in {@code \n} (SMTP carries them as CRLF)
     * @param raw  the whole message as it travelled, headers included
     */
    public record Received(String from, String to, String subject, String contentType, String body, String raw) {

        static Received of(MimeMessage message) {
            try {
                return new Received(message.getFrom()[0].toString(),
                        message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                        message.getContentType(), text(message), GreenMailUtil.getWholeMessage(message));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String text(MimeMessage message) throws MessagingException {
            try {
                Object content = message.getContent();
                String text = content instanceof String plain ? plain : GreenMailUtil.getBody(message);
                return text.replace("\r\n", "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
