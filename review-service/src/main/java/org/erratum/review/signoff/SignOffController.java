package org.erratum.review.signoff;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.erratum.platform.security.StaffSignIn;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.Staff;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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

    /**
     * Accepted: the sign-off is stored, and the article's dates move when content-service applies it. It is on Kafka
     * when {@code published} is true; otherwise the relay puts it there, and the request needs no repeating. The same
     * request with the same key answers the same sign-off.
     */
    @PostMapping("/api/review/articles/{articleId}/sign-off")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "202", description = "The sign-off is stored; it is on Kafka when published is true,"
            + " and otherwise the relay puts it there (no need to repeat the request). A retry with the same key"
            + " answers the same sign-off.")
    @ApiResponse(responseCode = "409", description = "Your account has no clinical name and credentials on record")
    @ApiResponse(responseCode = "422", description = "The revision is not a published revision of the article, or"
            + " the Idempotency-Key was sent before with a different sign-off")
    SignOff signOff(@PathVariable String articleId, @Valid @RequestBody SignOffRequest request,
            @Parameter(required = true) @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key,
            Authentication user) {
        return signOffs.signOff(articleId, request.revision(), request.itemId(), Staff.of(user, roles),
                signIn.clinician(user), IdempotencyKey.required(key));
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
