package org.erratum.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.erratum.testsupport.EmbeddedInfrastructure;

/**
 * Runs the whole system on one machine without Docker: a real Kafka broker (KRaft) on 9092, the embedded
 * Mongo-wire store on 27017 persisting to {@code .erratum-data/}, an SMTP server on 127.0.0.1:3025 ({@code
 * erratum.port.mail}) that writes every mail it receives to {@code .erratum-data/mail/}, and the three services on
 * 8081–8083. Ctrl-C stops everything.
 */
public final class LocalSystem {

    private static final int KAFKA_PORT = 9092;
    private static final int MONGO_PORT = 27017;

    private LocalSystem() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(System.getProperty("erratum.data", ".erratum-data"));
        Path jars = Path.of(System.getProperty("erratum.services", "local-system/target/services"));
        if (!Files.isRegularFile(jars.resolve("content-service.jar"))) {
            throw new IllegalStateException("No service jars in " + jars.toAbsolutePath()
                    + ": build first with ./mvnw -DskipTests package");
        }
        System.out.println("Starting Kafka (KRaft) on " + KAFKA_PORT + " and the Mongo-wire store on " + MONGO_PORT
                + " (data in " + data.toAbsolutePath() + ") ...");
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.startPersistent(KAFKA_PORT, MONGO_PORT, data);
        LocalMail mail;
        ErratumServices services;
        try {
            mail = LocalMail.start(Integer.getInteger("erratum.port.mail", LocalMail.DEFAULT_PORT),
                    data.resolve("mail"));
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        System.out.println("Starting the services (logs in " + data.resolve("logs").toAbsolutePath() + ") ...");
        try {
            services = ErratumServices.start(infrastructure.endpoints(), jars, ErratumServices.Ports.DEFAULT, "",
                    data.resolve("logs"), Map.of("spring.mail.host", "127.0.0.1",
                            "spring.mail.port", Integer.toString(mail.port())));
        } catch (RuntimeException e) {
            mail.close();
            infrastructure.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Erratum ...");
            services.close();
            mail.close();
            infrastructure.close();
            stopped.countDown();
        }, "erratum-shutdown"));
        printWelcome(services, mail);
        stopped.await();
    }

    private static void printWelcome(ErratumServices services, LocalMail mail) {
        System.out.println("""

                Erratum is running. Ctrl-C stops it.

                  Sample article page   %1$s/articles/paracetamol-for-adults
                  Rich sample article   %1$s/articles/low-back-pain   (treatment groups, a callout, citations)
                  Articles (JSON)       %1$s/api/articles
                  Feedback API          %2$s/api/feedback
                  Reviewer console      %3$s/console   (reviewer / reviewer-dev-password, senior / senior-dev-password)
                  Review queue API      %3$s/api/review/items
                  Metrics               %1$s/actuator/prometheus  (and on 8082, 8083)
                  Mail to readers       %4$s   (SMTP on 127.0.0.1:%5$d; one .eml file per message)

                """.formatted(services.content().baseUrl(), services.feedback().baseUrl(),
                services.review().baseUrl(), mail.folder().toAbsolutePath(), mail.port()));
    }
}
