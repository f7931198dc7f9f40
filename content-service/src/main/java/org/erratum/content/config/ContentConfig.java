package org.erratum.content.config;

import java.time.Clock;

import org.erratum.content.body.BodyProperties;
import org.erratum.content.page.ReportPromptProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ContentProperties.class, BodyProperties.class, ReportPromptProperties.class})
class ContentConfig {

    /** Dates on articles are facts readers rely on; one clock keeps them consistent and testable. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
