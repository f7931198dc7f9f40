package org.erratum.platform.security;

import java.util.List;
import java.util.Optional;

import org.erratum.events.Reviewer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts for development and small installations. Passwords are bcrypt hashes; production switches to an
 * OpenID Connect provider through configuration.
 *
 * @param users the accounts: {@code erratum.security.users[0].username=...}
 */
@ConfigurationProperties("erratum.security")
public record ErratumSecurityProperties(List<User> users) {

    public ErratumSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param passwordHash {@code {bcrypt}$2a$...}
     * @param roles        REVIEWER, SENIOR_REVIEWER, EDITOR, ADMIN
     * @param displayName  shown on the article page when this clinician signs it off
     * @param credentials  e.g. "MBBS, MRCGP"
     */
    public record User(String username, String passwordHash, List<String> roles, String displayName,
            String credentials) {
    }

    public Optional<Reviewer> clinician(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst()
                .map(u -> new Reviewer(u.displayName(), u.credentials()));
    }
}
