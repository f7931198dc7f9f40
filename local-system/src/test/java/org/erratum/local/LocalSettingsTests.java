package org.erratum.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LocalSettingsTests {

    @Test
    void byDefaultEverythingIsOnTheDocumentedPortsOfThisMachineOnly() {
        LocalSettings settings = LocalSettings.from(new Properties());

        assertThat(settings.data()).isEqualTo(Path.of(".erratum-data"));
        assertThat(settings.binding().address().isLoopbackAddress()).isTrue();
        assertThat(settings.binding().listenHost()).isEqualTo("127.0.0.1");
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.ports()).isEqualTo(new ErratumServices.Ports(8081, 8082, 8083));
    }

    @Test
    void theBindAddressOpensItUpAndClientsOnThisMachineStillUseLoopback() {
        LocalSettings settings = LocalSettings.from(properties("erratum.bind-address", "0.0.0.0"));

        assertThat(settings.binding().listenHost()).isEqualTo("0.0.0.0");
        assertThat(settings.binding().clientHost()).isEqualTo("127.0.0.1");
        assertThat(settings.binding().urlHost()).isEqualTo("localhost");
    }

    @Test
    void portsAndTheDataDirectoryCanBeChosen() {
        Properties properties = properties("erratum.data", "/tmp/erratum-test", "erratum.port.kafka", "19092",
                "erratum.port.review", "18083");

        LocalSettings settings = LocalSettings.from(properties);

        assertThat(settings.data()).isEqualTo(Path.of("/tmp/erratum-test"));
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.ports().review()).isEqualTo(18083);
        assertThat(settings.ports().content()).isEqualTo(8081);
    }

    @Test
    void aBadSettingIsRefusedNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalSettings.from(properties("erratum.port.mongo", "seventy")))
                .withMessageContaining("erratum.port.mongo");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalSettings.from(properties("erratum.port.content", "70000")))
                .withMessageContaining("erratum.port.content");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalSettings.from(properties("erratum.bind-address", "::1")))
                .withMessageContaining("erratum.bind-address");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalSettings.from(properties("erratum.port.kafka-controller", "9092")))
                .withMessageContaining("seven different ports");
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
