package org.erratum.review.queue;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.erratum.review.queue.ReviewItem.SafetyNotice;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The reviewers' JSON API over the queue. */
@RestController
@RequestMapping("/api/review/items")
class ReviewQueueController {

    private final ReviewQueue queue;
    private final RoleHierarchy roles;

    ReviewQueueController(ReviewQueue queue, RoleHierarchy roles) {
        this.queue = queue;
        this.roles = roles;
    }

    @GetMapping
    List<ReviewItem> list(@RequestParam(required = false) Set<ItemState> state,
            @RequestParam(required = false) Severity severity, @RequestParam(defaultValue = "false") boolean breached) {
        return queue.list(state == null || state.isEmpty() ? ItemState.ACTIVE : state, severity, breached);
    }

    @GetMapping("/{id}")
    ReviewItem get(@PathVariable String id) {
        return queue.get(id);
    }

    @PostMapping("/claim-next")
    ResponseEntity<ReviewItem> claimNext(Authentication user) {
        return queue.claimNext(Staff.of(user, roles)).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/claim")
    ReviewItem claim(@PathVariable String id, Authentication user) {
        return queue.claim(id, Staff.of(user, roles));
    }

    @PostMapping("/{id}/release")
    ReviewItem release(@PathVariable String id, Authentication user) {
        return queue.release(id, Staff.of(user, roles));
    }

    @PostMapping("/{id}/notes")
    ReviewItem note(@PathVariable String id, @Valid @RequestBody Text note, Authentication user) {
        return queue.note(id, Staff.of(user, roles), note.text());
    }

    @PostMapping("/{id}/escalate")
    ReviewItem escalate(@PathVariable String id, @Valid @RequestBody Text reason, Authentication user) {
        return queue.escalate(id, Staff.of(user, roles), reason.text());
    }

    @PostMapping("/{id}/resolve")
    ReviewItem resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request, Authentication user) {
        return queue.resolve(id, Staff.of(user, roles), new ReviewQueue.Resolve(request.outcome(),
                request.revision(), request.summary(), blankToNull(request.publicReason()), request.duplicateOf()));
    }

    /** Puts a safety notice on the article page, or replaces the one standing (the security chain: seniors only). */
    @PutMapping("/{id}/safety-notice")
    ReviewItem setSafetyNotice(@PathVariable String id, @Valid @RequestBody SafetyNoticeRequest request,
            Authentication user) {
        return queue.setSafetyNotice(id, Staff.of(user, roles), request.text());
    }

    @DeleteMapping("/{id}/safety-notice")
    ReviewItem liftSafetyNotice(@PathVariable String id, Authentication user) {
        return queue.liftSafetyNotice(id, Staff.of(user, roles));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Marks a batch as spam; answers which were marked and which were skipped (taken or closed meanwhile). */
    @PostMapping("/spam")
    SpamResult markAsSpam(@Valid @RequestBody SpamRequest request, Authentication user) {
        List<String> marked = queue.markAsSpam(request.itemIds(), Staff.of(user, roles), request.summary());
        return new SpamResult(marked, request.itemIds().stream().filter(id -> !marked.contains(id)).toList());
    }

    record SpamRequest(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 100) String> itemIds,
            @NotBlank @Size(max = 2000) String summary) {
    }

    record SpamResult(List<String> marked, List<String> skipped) {
    }

    record Text(@NotBlank @Size(max = 2000) String text) {
    }

    /**
     * @param summary      the reviewer's account, kept in the activity log
     * @param publicReason what readers who asked to hear back are told; optional, never the summary
     */
    record ResolveRequest(@NotNull Outcome outcome, @Positive Integer revision,
            @NotBlank @Size(max = 2000) String summary, @Size(max = 2000) String publicReason,
            @Size(max = 100) String duplicateOf) {
    }

    record SafetyNoticeRequest(@NotBlank @Size(max = SafetyNotice.MAX_LENGTH)
            @Pattern(regexp = SafetyNotice.ONE_LINE, message = "must be one line of plain text") String text) {
    }
}
