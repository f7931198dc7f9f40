package org.erratum.feedback.contact;

import org.erratum.platform.security.SecurityLayout;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages a reader reaches from a message's erasure link, in a chain of their own ahead of the service's others:
 * anonymous, no session. CSRF tokens defend a session, and there is none: the POST that erases must carry the
 * link's unguessable token, which a page on another site cannot know, so a forged form erases nothing. The token
 * is in the page's address, so no referrer is sent from it, and the pages load nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class ContactPagesSecurityConfig {

    private static final String CONTENT_POLICY = "default-src 'none'; style-src 'self'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityFilterChain contactPagesFilterChain(HttpSecurity http) throws Exception {
        // every method: one these pages do not take reaches Spring MVC, which answers 405 with Allow
        return SecurityLayout.stateless(http.securityMatcher(ContactErasureController.ERASE,
                        ContactErasureController.ERASED, "/css/contact.css")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }
}
