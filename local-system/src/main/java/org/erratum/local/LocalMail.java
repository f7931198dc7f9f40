package org.erratum.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The local run's mail catcher: a real SMTP server (GreenMail) on 127.0.0.1 that accepts mail for any address and
 * delivers none of it. Every message it receives is written to a folder as an {@code .eml} file (the message as it
 * travelled, headers included), which any mail client opens and any editor shows; the files stay across restarts.
 */
public final class LocalMail implements AutoCloseable {

    public static final int DEFAULT_PORT = 3025;

    private static final long WRITE_EVERY_MILLIS = 500;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final GreenMail server;
    private final Path folder;
    private final Set<String> written = new HashSet<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-mail-writer");
        thread.setDaemon(true);
        return thread;
    });

    private LocalMail(int port, Path folder) {
        this.folder = folder;
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        writer.scheduleWithFixedDelay(this::writeReceived, WRITE_EVERY_MILLIS, WRITE_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Listens on 127.0.0.1 only: nothing beyond this machine can send through it. */
    public static LocalMail start(int port, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the mail folder " + folder, e);
        }
        return new LocalMail(port, folder);
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public Path folder() {
        return folder;
    }

    /** Writes each message not written yet, named by when it arrived and a digest of its Message-ID. */
    private synchronized void writeReceived() {
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                String id = message.getMessageID() != null ? message.getMessageID()
                        : message.getHeader("Received", "\n");
                if (written.add(id)) {
                    Instant arrived = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                            : Instant.now();
                    write(message, folder.resolve(FILE_TIME.format(arrived) + "-" + digest(id) + ".eml"));
                }
            } catch (MessagingException | IOException e) {
                System.err.println("Could not write a received mail to " + folder + ": " + e);
            }
        }
    }

    private static void write(MimeMessage message, Path file) throws IOException, MessagingException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.writeTo(out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String digest(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        writeReceived();
        server.stop();
    }
}
