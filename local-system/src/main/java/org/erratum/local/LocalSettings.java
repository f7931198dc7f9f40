package org.erratum.local;

import org.erratum.infrastructure.Binding;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The local run's settings, from system properties ({@code ./run-local.sh -Derratum.bind-address=0.0.0.0}). The
 * defaults are the documented ports, on this machine only.
 *
 * @param data     where the broker, the store and the logs keep everything ({@code erratum.data})
 * @param services the folder with the three services' executable jars ({@code erratum.services})
 * @param binding  the address everything listens on ({@code erratum.bind-address}), but the broker's controller
 *                 and the mail catcher, which stay on loopback
 * @param mailPort the mail catcher's SMTP port ({@code erratum.port.mail})
 */
record LocalSettings(Path data, Path services, Binding binding, int kafkaPort, int kafkaControllerPort,
        int mongoPort, int mailPort, ErratumServices.Ports ports) {

    LocalSettings {
        int[] all = {kafkaPort, kafkaControllerPort, mongoPort, mailPort, ports.content(), ports.feedback(),
            ports.review()};
        if (IntStream.of(all).distinct().count() != all.length) {
            throw new IllegalArgumentException("The local run needs seven different ports: " + this);
        }
    }

    /** Every port the local run listens on. */
    int[] allPorts() {
        return new int[] {kafkaPort, kafkaControllerPort, mongoPort, mailPort, ports.content(), ports.feedback(),
            ports.review()};
    }

    /** The broker's controller and the mail catcher serve only this run's own processes: loopback, always. */
    String listenHost(int port) {
        return port == kafkaControllerPort || port == mailPort ? Binding.LOOPBACK.listenHost() : binding.listenHost();
    }

    static LocalSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    static LocalSettings from(Properties properties) {
        return new LocalSettings(
                Path.of(properties.getProperty("erratum.data", ".erratum-data")),
                Path.of(properties.getProperty("erratum.services", "local-system/target/services")),
                binding(properties.getProperty("erratum.bind-address", "127.0.0.1")),
                port(properties, "kafka", 9092),
                port(properties, "kafka-controller", 9093),
                port(properties, "mongo", 27017),
                port(properties, "mail", 3025),
                new ErratumServices.Ports(port(properties, "content", ErratumServices.Ports.DEFAULT.content()),
                        port(properties, "feedback", ErratumServices.Ports.DEFAULT.feedback()),
                        port(properties, "review", ErratumServices.Ports.DEFAULT.review())));
    }

    private static Binding binding(String address) {
        try {
            return Binding.parse(address);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("erratum.bind-address must be an IPv4 address, such as 127.0.0.1 "
                    + "(this machine only) or 0.0.0.0 (every interface): " + e.getMessage(), e);
        }
    }

    private static int port(Properties properties, String name, int defaultPort) {
        String key = "erratum.port." + name;
        String value = properties.getProperty(key, Integer.toString(defaultPort));
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be a port number from 1 to 65535: " + value);
    }
}
