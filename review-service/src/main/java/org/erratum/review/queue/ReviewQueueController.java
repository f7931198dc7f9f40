package org.erratum.review.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.erratum.platform.web.IdempotencyKey;
import org.erratum.review.queue.ReviewItem.SafetyNotice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewers' JSON API over the queue. Every action is safe to retry: sent again, it answers as it did and changes
 * nothing. Claiming the next item and adding a note need an {@code Idempotency-Key} for that (nothing else tells their
 * retry from a new request); the other actions take one and otherwise recognise a retry from the item's state.
 */
@RestController
@RequestMapping("/api/review/items")
class ReviewQueueController {

    private static final String CONFLICT = "The item's state does not allow this now (someone else holds it, it is"
            + " escalated, or resolved); the detail says which";

    static final int DEFAULT_LIMIT = 50;

    static final int MAX_LIMIT = 200;

    private static final String LIMITS = "must be a whole number from 1 to " + MAX_LIMIT;

    private final ItemQueries items;
    private final Claims claims;
    private final ItemNotes notes;
    private final Resolutions resolutions;
    private final RoleHierarchy roles;

    ReviewQueueController(ItemQueries items, Claims claims, ItemNotes notes, Resolutions resolutions,
            RoleHierarchy roles) {
        this.items = items;
        this.claims = claims;
        this.notes = notes;
        this.resolutions = resolutions;
        this.roles = roles;
    }

    /**
     * A page of the queue, most pressing first. The body is the page's items; a {@code Link} header points to the
     * next page ({@code rel="next"}) while more follow, and to the previous one ({@code rel="prev"}) after the first.
     * No total is counted: that would read every item wanted, and the first page costs the same however many wait.
     */
    @GetMapping
    @ApiResponse(responseCode = "200", description = "The page's items", headers = @Header(name = HttpHeaders.LINK,
            description = "<…&page=N>; rel=\"next\" while more items follow, and rel=\"prev\" after the first page"))
    ResponseEntity<List<ReviewItem>> list(@RequestParam(required = false) Set<ItemState> state,
            @RequestParam(required = false) Severity severity, @RequestParam(defaultValue = "false") boolean breached,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(value = 1, message = LIMITS)
            @Max(value = MAX_LIMIT, message = LIMITS) int limit,
            @RequestParam(defaultValue = "1") @Min(value = 1, message = "must be a whole number, 1 or more") int page) {
        Set<ItemState> states = state == null || state.isEmpty() ? ItemState.ACTIVE : state;
        ItemQueries.Page<ReviewItem> found = items.list(new ItemQueries.Wanted(states, severity, null, null, breached),
                page, limit);
        List<String> links = new ArrayList<>();
        if (found.more()) {
            links.add(linkTo(page + 1, "next"));
        }
        if (page > 1) {
            links.add(linkTo(page - 1, "prev"));
        }
        return ResponseEntity.ok().headers(headers -> links.forEach(link -> headers.add(HttpHeaders.LINK, link)))
                .body(found.entries());
    }

    /** This request, on the given page: a relative reference, so it holds behind any proxy and trusts no Host. */
    private static String linkTo(int page, String rel) {
        UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest().build();
        return "<" + UriComponentsBuilder.fromPath(current.getPath()).query(current.getQuery())
                .replaceQueryParam("page", page).build().toUriString() + ">; rel=\"" + rel + "\"";
    }

    @GetMapping("/{id}")
    ReviewItem get(@PathVariable String id) {
        return items.get(id);
    }

    @PostMapping("/claim-next")
    @ApiResponse(responseCode = "200", description = "The item you now hold; a retry with the same key answers the"
            + " item that request claimed")
    @ApiResponse(responseCode = "204", description = "Nothing is waiting that you may claim")
    ResponseEntity<ReviewItem> claimNext(@Parameter(required = true)
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return claims.claimNext(Staff.of(user, roles), IdempotencyKey.required(key)).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/{id}/claim")
    @ApiResponse(responseCode = "200", description = "The item you now hold (claiming it again renews the lease)")
    @ApiResponse(responseCode = "409", description = CONFLICT)
    ReviewItem claim(@PathVariable String id,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return claims.claim(id, Staff.of(user, roles), optional(key));
    }

    @PostMapping("/{id}/release")
    @ApiResponse(responseCode = "200", description = "The item, back in the queue")
    @ApiResponse(responseCode = "409", description = CONFLICT)
    ReviewItem release(@PathVariable String id,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return claims.release(id, Staff.of(user, roles), optional(key));
    }

    @PostMapping("/{id}/notes")
    @ApiResponse(responseCode = "200", description = "The item, with the note in its activity log")
    @ApiResponse(responseCode = "409", description = CONFLICT)
    ReviewItem note(@PathVariable String id, @Valid @RequestBody Text note, @Parameter(required = true)
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return notes.note(id, Staff.of(user, roles), note.text(), IdempotencyKey.required(key));
    }

    @PostMapping("/{id}/escalate")
    @ApiResponse(responseCode = "200", description = "The item, escalated to the senior reviewers")
    @ApiResponse(responseCode = "409", description = CONFLICT)
    ReviewItem escalate(@PathVariable String id, @Valid @RequestBody Text reason,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return claims.escalate(id, Staff.of(user, roles), reason.text(), optional(key));
    }

    @PostMapping("/{id}/resolve")
    @ApiResponse(responseCode = "200", description = "The resolved item")
    @ApiResponse(responseCode = "409", description = CONFLICT)
    @ApiResponse(responseCode = "422", description = "The revision or the duplicate item named does not exist, or"
            + " the Idempotency-Key was sent before with a different request")
    ReviewItem resolve(@PathVariable String id, @Valid @RequestBody ResolveRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return resolutions.resolve(id, Staff.of(user, roles), new Resolutions.Resolve(request.outcome(),
                request.revision(), request.summary(), blankToNull(request.publicReason()), request.duplicateOf()),
                optional(key));
    }

    /** Puts a safety notice on the article page, or replaces the one standing (the security chain: seniors only). */
    @PutMapping("/{id}/safety-notice")
    @ApiResponse(responseCode = "200", description = "The item, with the notice the article page now shows")
    @ApiResponse(responseCode = "409", description = "The item is resolved, or no reader reported a safety concern"
            + " on it")
    ReviewItem setSafetyNotice(@PathVariable String id, @Valid @RequestBody SafetyNoticeRequest request,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return notes.setSafetyNotice(id, Staff.of(user, roles), request.text(), optional(key));
    }

    @DeleteMapping("/{id}/safety-notice")
    @ApiResponse(responseCode = "200", description = "The item, without a safety notice")
    @ApiResponse(responseCode = "409", description = "No safety notice stands on the item")
    ReviewItem liftSafetyNotice(@PathVariable String id,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key, Authentication user) {
        return notes.liftSafetyNotice(id, Staff.of(user, roles), optional(key));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Marks a batch as spam; answers which were marked and which were skipped (taken or closed meanwhile). */
    @PostMapping("/spam")
    SpamResult markAsSpam(@Valid @RequestBody SpamRequest request, Authentication user) {
        List<String> marked = resolutions.markAsSpam(request.itemIds(), Staff.of(user, roles), request.summary());
        return new SpamResult(marked, request.itemIds().stream().filter(id -> !marked.contains(id)).toList());
    }

    private static IdempotencyKey optional(String header) {
        return IdempotencyKey.optional(header).orElse(null);
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
