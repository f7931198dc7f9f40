package org.erratum.feedback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Takes in readers' votes and problem reports, keeps helpfulness tallies and publishes the feedback. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FeedbackServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FeedbackServiceApplication.class, args);
    }
}
