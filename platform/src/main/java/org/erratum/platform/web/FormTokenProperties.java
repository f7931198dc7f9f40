package org.erratum.platform.web;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The key the article page signs feedback forms with and the feedback service checks them with
 * ({@code erratum.form-token.*}, see {@link FormTokens}).
 *
 * @param secret shared by content-service and feedback-service; the development value is no secret, production sets
 *               {@code ERRATUM_FORM_TOKEN_SECRET}
 */
@Validated
@ConfigurationProperties("erratum.form-token")
public record FormTokenProperties(@DefaultValue("dev-only-form-token-secret") @NotBlank String secret) {
}
