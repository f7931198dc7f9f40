package org.erratum.review.queue;

import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;

/** The signed-in reviewer acting on the queue. */
public record Staff(String username, boolean senior) {

    public static Staff of(Authentication authentication, RoleHierarchy roles) {
        boolean senior = roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                .anyMatch(a -> "ROLE_SENIOR_REVIEWER".equals(a.getAuthority()));
        return new Staff(authentication.getName(), senior);
    }
}
