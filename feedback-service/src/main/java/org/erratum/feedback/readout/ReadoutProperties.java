package org.erratum.feedback.readout;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Settings of the editorial readouts ({@code erratum.feedback.readouts.*}).
 *
 * @param defaultLimit  how many articles a readout lists when the request does not say
 * @param maxLimit      the most articles one readout lists
 * @param exportMaxDays the longest date range one CSV export covers, counting both ends
 * @param exportMaxRows the most feedback items one CSV export holds; a range holding more is refused, so an export
 *                      is never silently cut short
 */
@ConfigurationProperties("erratum.feedback.readouts")
record ReadoutProperties(
        @DefaultValue("20") int defaultLimit,
        @DefaultValue("100") int maxLimit,
        @DefaultValue("366") int exportMaxDays,
        @DefaultValue("100000") int exportMaxRows) {

    ReadoutProperties {
        Assert.isTrue(defaultLimit >= 1 && defaultLimit <= maxLimit,
                "erratum.feedback.readouts.default-limit must be between 1 and max-limit");
        Assert.isTrue(exportMaxDays >= 1, "erratum.feedback.readouts.export-max-days must be positive");
        Assert.isTrue(exportMaxRows >= 1, "erratum.feedback.readouts.export-max-rows must be positive");
    }
}
