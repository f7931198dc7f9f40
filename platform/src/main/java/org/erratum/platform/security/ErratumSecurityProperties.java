package org.erratum.platform.security;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.erratum.events.Reviewer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Staff accounts for development and small installations, and how to read staff from an OpenID Connect provider's
 * tokens when production signs staff in there instead (see {@link StaffSignIn}).
 *
 * @param users the configured accounts: {@code erratum.security.users[0].username=...}; unused with a provider.
 *              The development accounts are in the platform's {@code erratum-platform.yml}, the same in every service
 * @param oidc  the claims that carry roles and clinical identity in the provider's tokens
 */
@Validated
@ConfigurationProperties("erratum.security")
public record ErratumSecurityProperties(List<@Valid User> users, @DefaultValue @Valid Oidc oidc) {

    public ErratumSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param passwordHash {@code {bcrypt}$2a$...}
     * @param roles        REVIEWER, SENIOR_REVIEWER, EDITOR, ADMIN
     * @param displayName  shown on the article page when this clinician signs it off
     * @param credentials  e.g. "MBBS, MRCGP"
     */
    public record User(@NotBlank String username, @NotBlank String passwordHash, @NotEmpty List<String> roles,
            String displayName, String credentials) {
    }

    /**
     * @param rolesClaim       a list of role names (REVIEWER, SENIOR_REVIEWER, EDITOR, ADMIN) in the ID token
     * @param nameClaim        the clinician's name as shown on a signed-off article
     * @param credentialsClaim the clinician's post-nominal credentials, e.g. "MBChB, MRCGP"
     */
    public record Oidc(@DefaultValue("roles") @NotBlank String rolesClaim,
            @DefaultValue("name") @NotBlank String nameClaim,
            @DefaultValue("credentials") @NotBlank String credentialsClaim) {
    }

    /** The clinical identity of a configured account. */
    public Optional<Reviewer> clinician(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst()
                .map(u -> new Reviewer(u.displayName(), u.credentials()));
    }
}
