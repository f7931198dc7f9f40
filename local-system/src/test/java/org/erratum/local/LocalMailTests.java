package org.erratum.local;

import org.erratum.infrastructure.Binding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's SMTP server, as a service sends to it and a developer reads what it received. */
class LocalMailTests {

    @TempDir
    Path data;

    @Test
    void everyMailItReceivesIsAnEmlFileInItsFolderAndStaysThereAfterARestart() throws Exception {
        Path folder = data.resolve("mail");
        int port = Binding.freePort();
        try (LocalMail mail = LocalMail.start(port, folder)) {
            send(port, "reader@example.org", "We have your report on \u201cBack pain\u201d", "A clinician will look.");

            await().atMost(Duration.ofSeconds(30)).until(() -> emlFiles(folder).size() == 1);
        }
        MimeMessage written = read(emlFiles(folder).get(0));
        assertThat(written.getSubject()).isEqualTo("We have your report on \u201cBack pain\u201d");
        assertThat(written.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("reader@example.org");
        assertThat(((String) written.getContent()).strip()).isEqualTo("A clinician will look.");

        try (LocalMail again = LocalMail.start(port, folder)) {
            send(port, "other@example.org", "Our review", "No change needed.");

            await().atMost(Duration.ofSeconds(30)).until(() -> emlFiles(folder).size() == 2);
        }
    }

    private static void send(int port, String to, String subject, String text) throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("feedback@erratum.localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    private static List<Path> emlFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
