package org.erratum.content.config;

import org.erratum.content.body.BodyProperties;
import org.erratum.content.page.ReportPromptProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ContentProperties.class, BodyProperties.class, ReportPromptProperties.class})
class ContentConfig {
}
