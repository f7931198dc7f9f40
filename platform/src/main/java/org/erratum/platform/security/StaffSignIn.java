package org.erratum.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.erratum.events.Reviewer;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * How staff sign in, decided by configuration alone. By default: the configured accounts
 * ({@code erratum.security.users}), with a sign-in form for the console and HTTP Basic for the APIs. Once Spring
 * Boot's standard OAuth 2 properties name an OpenID Connect provider, staff sign in there instead:
 * <ul>
 * <li>{@code spring.security.oauth2.client.registration.*} (and {@code provider.*.issuer-uri}) switch the console to
 * the provider's sign-in, reading roles from the ID token's {@code erratum.security.oidc.roles-claim};</li>
 * <li>{@code spring.security.oauth2.resourceserver.jwt.issuer-uri} switches the APIs to bearer tokens; Boot's
 * {@code authorities-claim-name}, {@code authority-prefix=ROLE_} and {@code principal-claim-name} map their roles.</li>
 * </ul>
 * The README's "Signing staff in with OpenID Connect" gives a complete example.
 */
public class StaffSignIn {

    private static final String ROLE_PREFIX = "ROLE_";

    private final ErratumSecurityProperties properties;
    private final ClientRegistrationRepository clientRegistrations;
    private final JwtDecoder jwtDecoder;

    /**
     * @param clientRegistrations the provider, or null for configured accounts in the console
     * @param jwtDecoder          the provider's token decoder, or null for configured accounts on the APIs
     */
    public StaffSignIn(ErratumSecurityProperties properties, ClientRegistrationRepository clientRegistrations,
            JwtDecoder jwtDecoder) {
        this.properties = properties;
        this.clientRegistrations = clientRegistrations;
        this.jwtDecoder = jwtDecoder;
    }

    /** Paths the console's filter chain must also own when staff sign in with a provider. */
    public static final List<String> PROVIDER_PATHS = List.of("/oauth2/**", "/login/oauth2/**");

    /**
     * A console signs in with its own form page, or at the provider; either way it lands on {@code home}.
     */
    public HttpSecurity console(HttpSecurity http, String loginPage, String home) throws Exception {
        if (clientRegistrations == null) {
            return http.formLogin(form -> form.loginPage(loginPage).defaultSuccessUrl(home));
        }
        return http.oauth2Login(login -> login.defaultSuccessUrl(home)
                .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFromIdToken())));
    }

    /**
     * An API authenticates every request (HTTP Basic, or the provider's bearer tokens) and keeps no session, so it
     * needs no CSRF token (see {@link SecurityLayout#stateless}).
     */
    public HttpSecurity api(HttpSecurity http) throws Exception {
        SecurityLayout.stateless(http);
        if (jwtDecoder == null) {
            return http.httpBasic(Customizer.withDefaults());
        }
        return http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
    }

    /** Turns the ID token's roles claim into Spring Security roles; everything else the provider grants is dropped. */
    GrantedAuthoritiesMapper rolesFromIdToken() {
        return authorities -> {
            Set<GrantedAuthority> roles = new LinkedHashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Object claim = oidc.getIdToken().getClaims().get(properties.oidc().rolesClaim());
                    if (claim instanceof Collection<?> names) {
                        names.forEach(name -> roles.add(new SimpleGrantedAuthority(ROLE_PREFIX + name)));
                    }
                }
            }
            return roles;
        };
    }

    /**
     * The clinical name and credentials of whoever is signed in: from the provider's token claims, or from the
     * configured account.
     */
    public Optional<Reviewer> clinician(Authentication authentication) {
        Map<String, Object> claims = claimsOf(authentication.getPrincipal());
        if (claims == null) {
            return properties.clinician(authentication.getName());
        }
        return Optional.of(new Reviewer(text(claims.get(properties.oidc().nameClaim())),
                text(claims.get(properties.oidc().credentialsClaim()))));
    }

    private static Map<String, Object> claimsOf(Object principal) {
        if (principal instanceof OAuth2AuthenticatedPrincipal oauth) {
            return oauth.getAttributes();
        }
        if (principal instanceof Jwt jwt) {
            return jwt.getClaims();
        }
        return null;
    }

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value : null;
    }
}
