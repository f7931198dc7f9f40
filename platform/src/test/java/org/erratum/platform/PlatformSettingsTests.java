package org.erratum.platform;

import org.erratum.platform.helpfulness.SmoothedHelpfulness;
import org.erratum.platform.security.ErratumSecurityProperties;
import org.erratum.platform.web.FormTokenProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's settings bind with working defaults, and a value out of range stops the service from starting. */
class PlatformSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class);

    @Test
    void theDefaultsWork() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(SmoothedHelpfulness.class)).isEqualTo(new SmoothedHelpfulness(10, 0.75));
            assertThat(started.getBean(FormTokenProperties.class).secret()).isNotBlank();
            assertThat(started.getBean(ErratumSecurityProperties.class).oidc().rolesClaim()).isEqualTo("roles");
        });
    }

    @Test
    void aBlankFormTokenSecretStopsTheStart() {
        context.withPropertyValues("erratum.form-token.secret= ")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("erratum.form-token.secret"));
    }

    @Test
    void aPriorWeightOfZeroStopsTheStart() {
        context.withPropertyValues("erratum.helpfulness.prior-weight=0")
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void anAccountWithoutRolesStopsTheStart() {
        context.withPropertyValues("erratum.security.users[0].username=someone",
                "erratum.security.users[0].password-hash={noop}x")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("roles"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ SmoothedHelpfulness.class, FormTokenProperties.class,
        ErratumSecurityProperties.class })
    static class Settings {
    }
}
