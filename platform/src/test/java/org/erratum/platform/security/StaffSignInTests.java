package org.erratum.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.erratum.events.Reviewer;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff identity read from configured accounts or from an OpenID Connect provider's tokens. */
class StaffSignInTests {

    private static final ErratumSecurityProperties PROPERTIES = new ErratumSecurityProperties(
            List.of(new ErratumSecurityProperties.User("senior", "{bcrypt}x", List.of("SENIOR_REVIEWER"),
                    "Dr Tomas Lindqvist", "MD, FRCP")),
            new ErratumSecurityProperties.Oidc("erratum_roles", "name", "credentials"));

    private final StaffSignIn signIn = new StaffSignIn(PROPERTIES, null, null);

    @Test
    void aConfiguredAccountSignsOffWithItsConfiguredIdentity() {
        var user = UsernamePasswordAuthenticationToken.authenticated("senior", null, List.of());

        assertThat(signIn.clinician(user)).contains(new Reviewer("Dr Tomas Lindqvist", "MD, FRCP"));
    }

    @Test
    void aConfiguredAccountWithoutClinicalIdentityHasNone() {
        var user = UsernamePasswordAuthenticationToken.authenticated("editor", null, List.of());

        assertThat(signIn.clinician(user)).isEmpty();
    }

    @Test
    void aProviderTokenCarriesTheClinicalIdentityInItsClaims() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("c0ffee")
                .claim("name", "Dr Ruth Okafor").claim("credentials", "MBChB, MRCGP").build();

        assertThat(signIn.clinician(new JwtAuthenticationToken(jwt)))
                .contains(new Reviewer("Dr Ruth Okafor", "MBChB, MRCGP"));
    }

    @Test
    void aProviderTokenWithoutCredentialsGivesNoneRatherThanABlank() {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("c0ffee").claim("name", "Sam Editor")
                .claim("credentials", " ").build();

        assertThat(signIn.clinician(new JwtAuthenticationToken(jwt))).contains(new Reviewer("Sam Editor", null));
    }

    @Test
    void consoleSignInAtTheProviderTakesRolesFromTheConfiguredIdTokenClaimOnly() {
        OidcIdToken idToken = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), Map.of(
                "sub", "c0ffee", "name", "Dr Ruth Okafor", "credentials", "MBChB, MRCGP",
                "erratum_roles", List.of("REVIEWER", "SENIOR_REVIEWER"), "groups", List.of("ADMIN")));
        OidcUserAuthority fromProvider = new OidcUserAuthority(idToken);

        var roles = signIn.rolesFromIdToken().mapAuthorities(List.of(fromProvider,
                new SimpleGrantedAuthority("SCOPE_openid")));

        assertThat(roles).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_REVIEWER", "ROLE_SENIOR_REVIEWER");

        var user = new DefaultOidcUser(List.copyOf(roles), idToken);
        assertThat(signIn.clinician(new OAuth2AuthenticationToken(user, user.getAuthorities(), "erratum")))
                .contains(new Reviewer("Dr Ruth Okafor", "MBChB, MRCGP"));
    }
}
