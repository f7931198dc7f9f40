package org.erratum.platform.security;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityLayoutTests {

    @Test
    void anAdministratorReachesEveryRole() {
        assertThat(reachable("ROLE_ADMIN")).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_SENIOR_REVIEWER",
                "ROLE_REVIEWER", "ROLE_EDITOR");
    }

    @Test
    void aSeniorReviewerReachesAReviewerButNotAnEditor() {
        assertThat(reachable("ROLE_SENIOR_REVIEWER")).containsExactlyInAnyOrder("ROLE_SENIOR_REVIEWER",
                "ROLE_REVIEWER");
    }

    @Test
    void reviewersAndEditorsReachOnlyTheirOwnRole() {
        assertThat(reachable("ROLE_REVIEWER")).containsExactly("ROLE_REVIEWER");
        assertThat(reachable("ROLE_EDITOR")).containsExactly("ROLE_EDITOR");
    }

    private static Collection<String> reachable(String role) {
        return SecurityLayout.roleHierarchy()
                .getReachableGrantedAuthorities(AuthorityUtils.createAuthorityList(role)).stream()
                .map(GrantedAuthority::getAuthority).toList();
    }
}
