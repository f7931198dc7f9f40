package org.erratum.review.signoff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.review.queue.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignOffController {

    private final SignOffs signOffs;
    private final RoleHierarchy roles;
    private final StaffSignIn signIn;

    SignOffController(SignOffs signOffs, RoleHierarchy roles, StaffSignIn signIn) {
        this.signOffs = signOffs;
        this.roles = roles;
        this.signIn = signIn;
    }

    /** Accepted: the decision is on Kafka; the article's dates move when content-service applies it. */
    @PostMapping("/api/review/articles/{articleId}/sign-off")
    @ResponseStatus(HttpStatus.ACCEPTED)
    SignOff signOff(@PathVariable String articleId, @Valid @RequestBody SignOffRequest request,
            Authentication user) {
        return signOffs.signOff(articleId, request.revision(), request.itemId(), Staff.of(user, roles),
                signIn.clinician(user));
    }

    /**
     * @param revision             the revision the clinician reviewed
     * @param reviewedWholeArticle the clinician confirms they reviewed the whole article, not only what changed since
     *                             the last sign-off: a sign-off vouches for every word on the page
     */
    record SignOffRequest(@NotNull @Positive Integer revision, @Size(max = 100) String itemId,
            @NotNull(message = SignOffs.WHOLE_ARTICLE) @AssertTrue(message = SignOffs.WHOLE_ARTICLE)
            Boolean reviewedWholeArticle) {
    }
}
