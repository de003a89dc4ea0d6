package org.tierdesk.ticket.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RequestTooLargeException;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.LinkType;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketAttachments;
import org.tierdesk.ticket.TicketAttachments.AttachmentView;
import org.tierdesk.ticket.TicketAttachments.Download;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketProperties;
import org.tierdesk.ticket.TicketSearch;
import org.tierdesk.ticket.TicketSearch.TicketFilter;
import org.tierdesk.ticket.TicketSearch.TicketPage;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketUpdate;
import org.tierdesk.ticket.TicketViews.AssignmentView;
import org.tierdesk.ticket.TicketViews.EntryView;
import org.tierdesk.ticket.TicketViews.HistoryView;
import org.tierdesk.ticket.TicketViews.LinkView;
import org.tierdesk.ticket.TicketViews.TicketView;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.Escalation;
import org.tierdesk.ticket.Tickets.EscalationType;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Tickets.Opened;
import org.tierdesk.ticket.Urgency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The ticket API. Every change answers with the ticket and its {@code ETag}; send it back as {@code If-Match} and a
 * change made against a stale version is refused with 412.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Open, work, escalate, resolve and close tickets")
class TicketRestController {

	private final Tickets tickets;

	private final TicketSearch search;

	private final TicketAttachments attachments;

	private final TicketProperties properties;

	TicketRestController(Tickets tickets, TicketSearch search, TicketAttachments attachments,
			TicketProperties properties) {
		this.tickets = tickets;
		this.search = search;
		this.attachments = attachments;
		this.properties = properties;
	}

	record OpenTicketRequest(String program, Long requesterId, @NotNull TicketKind kind, Channel channel,
			@NotBlank @Size(max = 300) String subject, @NotBlank String description, StructuredFacts facts,
			@Size(max = 100) String category, Impact impact, Urgency urgency, java.util.Map<String, String> customFields) {
	}

	record UpdateTicketRequest(@Size(max = 300) String subject, @Size(max = 100) String category, Impact impact,
			Urgency urgency, StructuredFacts facts, String reason) {
	}

	record SwarmRequest(java.util.Set<Long> participants, String reason) {
	}

	record TakeRequest(String reason) {
	}

	record EscalationRequest(EscalationType type, Integer tier, Long groupId, Long assigneeId, Long dutyManagerId,
			@NotBlank String reason) {
	}

	record ReturnRequest(@NotBlank String findings) {
	}

	record LessonRequest(String summary) {
	}

	record StatusRequest(@NotNull TicketStatus status, String reason) {
	}

	record EntryRequest(EntryVisibility visibility, Channel channel, @NotBlank String body,
			Boolean shareWithAssignment) {
	}

	record ResolutionRequest(@NotNull ResolutionCode code, @NotBlank String solution, String fixRelease,
			LocalDate fixReleaseDate) {
	}

	record AcceptanceRequest(@NotNull Boolean accepted, String reason) {
	}

	record CancelRequest(@NotBlank String reason) {
	}

	record LinkRequest(@NotNull LinkType type, @NotBlank String target) {
	}

	record MergeRequest(@NotBlank String into) {
	}

	@PostMapping
	@Operation(summary = "Open a ticket", description = "Send an Idempotency-Key header to make retries safe: a repeat "
			+ "of the same request with the same key returns the first ticket (200) instead of creating another (201).")
	ResponseEntity<TicketView> open(@Valid @RequestBody OpenTicketRequest r,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@AuthenticationPrincipal DeskPrincipal me) {
		Opened opened = tickets.open(me, new OpenTicket(r.program(), r.requesterId(), r.kind(), r.channel(),
				r.subject(), r.description(), r.facts(), r.category(), r.impact(), r.urgency(), r.customFields()),
				idempotencyKey);
		TicketView t = opened.ticket();
		return ResponseEntity.status(opened.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.location(URI.create("/api/v1/tickets/" + t.number())).eTag(etag(t)).body(t);
	}

	@GetMapping
	@Operation(summary = "List tickets", description = "Filters are optional and combine. Sort is one of number, "
			+ "createdAt, updatedAt, priority, status, tier, with ',asc' or ',desc'.")
	TicketPage list(@RequestParam(required = false) String program,
			@RequestParam(required = false) List<TicketStatus> status, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) Long owner, @RequestParam(required = false) Long assigneeGroup,
			@RequestParam(required = false) Long requester, @RequestParam(required = false) TicketKind kind,
			@RequestParam(required = false) Instant updatedSince, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String sort,
			@AuthenticationPrincipal DeskPrincipal me) {
		return search.list(me, new TicketFilter(program, status, tier, owner, assigneeGroup, requester, kind,
				updatedSince), page, size, sort);
	}

	@GetMapping("/{number}")
	ResponseEntity<TicketView> get(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.get(me, number));
	}

	@PatchMapping("/{number}")
	ResponseEntity<TicketView> update(@PathVariable String number, @Valid @RequestBody UpdateTicketRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.update(me, number, version(ifMatch),
				new TicketUpdate(r.subject(), r.category(), r.impact(), r.urgency(), r.facts()), r.reason()));
	}

	@PostMapping("/{number}/ownership")
	@Operation(summary = "Take ownership", description = "A Tier 1 agent takes the ticket from the queue or over "
			+ "from another owner.")
	ResponseEntity<TicketView> take(@PathVariable String number, @RequestBody(required = false) TakeRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.take(me, number, version(ifMatch), r == null ? null : r.reason()));
	}

	@PostMapping("/{number}/escalations")
	@Operation(summary = "Escalate or vector", description = "FUNCTIONAL (default) assigns the work to a group at a "
			+ "higher tier (by tier, group, or both) without changing the owner; HIERARCHICAL flags the ticket to a "
			+ "duty manager. A reason is required.")
	ResponseEntity<TicketView> escalate(@PathVariable String number, @Valid @RequestBody EscalationRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.escalate(me, number, version(ifMatch),
				new Escalation(r.type(), r.tier(), r.groupId(), r.assigneeId(), r.dutyManagerId(), r.reason())));
	}

	@PostMapping("/{number}/swarm")
	@Operation(summary = "Open a swarm (or invite more)", description = "Instead of a tiered hand-off, invite "
			+ "specialists of any tier or group of the program to collaborate on the internal thread; the owner keeps "
			+ "the ticket. A reason is required.")
	Tickets.SwarmView swarm(@PathVariable String number, @RequestBody SwarmRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return tickets.swarm(me, number, version(ifMatch), r.participants(), r.reason());
	}

	@GetMapping("/{number}/swarm")
	@Operation(summary = "Who is in the ticket's swarm, and how much each has contributed")
	Tickets.SwarmView swarmOf(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.swarmOf(me, number);
	}

	@GetMapping("/{number}/assignments")
	List<AssignmentView> assignments(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.assignments(me, number);
	}

	@PostMapping("/{number}/assignments/{assignmentId}/return")
	@Operation(summary = "Return work", description = "The assigned group hands the work back to the owner with "
			+ "its findings.")
	ResponseEntity<TicketView> returnWork(@PathVariable String number, @PathVariable long assignmentId,
			@Valid @RequestBody ReturnRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.returnAssignment(me, number, assignmentId, version(ifMatch), r.findings()));
	}

	@PutMapping("/{number}/lesson")
	@Operation(summary = "Record the lesson learned from a resolved ticket", description = "In the agent's words, for "
			+ "the lessons-learned report; a blank summary withdraws it. Desk staff only.")
	ResponseEntity<TicketView> lesson(@PathVariable String number, @RequestBody LessonRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.recordLesson(me, number, version(ifMatch), r.summary()));
	}

	@PutMapping("/{number}/status")
	@Operation(summary = "Wait or resume", description = "OPEN, WAITING_ON_CUSTOMER or WAITING_ON_VENDOR; resolution, "
			+ "acceptance and cancellation have their own endpoints.")
	ResponseEntity<TicketView> status(@PathVariable String number, @Valid @RequestBody StatusRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.changeStatus(me, number, version(ifMatch), r.status(), r.reason()));
	}

	@GetMapping("/{number}/entries")
	List<EntryView> entries(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.entries(me, number);
	}

	@PostMapping("/{number}/entries")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reply or add a note", description = "PUBLIC replies reach the customer; INTERNAL notes "
			+ "never do, and reach a vendor only when shared with its assignment.")
	EntryView addEntry(@PathVariable String number, @Valid @RequestBody EntryRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return tickets.addEntry(me, number, version(ifMatch), r.visibility(), r.channel(), r.body(),
				Boolean.TRUE.equals(r.shareWithAssignment()));
	}

	@PutMapping("/{number}/resolution")
	@Operation(summary = "Resolve", description = "The owner resolves once no other tier holds the work. A fix action "
			+ "names the corrected release and its date.")
	ResponseEntity<TicketView> resolve(@PathVariable String number, @Valid @RequestBody ResolutionRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.resolve(me, number, version(ifMatch),
				new Resolution(r.code(), r.solution(), r.fixRelease(), r.fixReleaseDate())));
	}

	@PutMapping("/{number}/acceptance")
	@Operation(summary = "Accept or reject the resolution", description = "Accepting closes the ticket; rejecting "
			+ "(with a reason) opens it again with its owner.")
	ResponseEntity<TicketView> acceptance(@PathVariable String number, @Valid @RequestBody AcceptanceRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.answerResolution(me, number, version(ifMatch), r.accepted(), r.reason()));
	}

	@PostMapping("/{number}/cancellation")
	ResponseEntity<TicketView> cancel(@PathVariable String number, @Valid @RequestBody CancelRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.cancel(me, number, version(ifMatch), r.reason()));
	}

	@GetMapping("/{number}/links")
	List<LinkView> links(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.links(me, number);
	}

	@PostMapping("/{number}/links")
	@ResponseStatus(HttpStatus.CREATED)
	List<LinkView> link(@PathVariable String number, @Valid @RequestBody LinkRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return tickets.link(me, number, version(ifMatch), r.type(), r.target());
	}

	@PostMapping("/{number}/merge")
	@Operation(summary = "Merge a duplicate into its original", description = "The duplicate is linked and closed; "
			+ "both keep their histories.")
	ResponseEntity<TicketView> merge(@PathVariable String number, @Valid @RequestBody MergeRequest r,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@AuthenticationPrincipal DeskPrincipal me) {
		return withEtag(tickets.merge(me, number, version(ifMatch), r.into()));
	}

	@GetMapping("/{number}/history")
	List<HistoryView> history(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.history(me, number);
	}

	@GetMapping("/{number}/attachments")
	List<AttachmentView> attachments(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return attachments.list(me, number);
	}

	@PostMapping(path = "/{number}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	AttachmentView attach(@PathVariable String number, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) EntryVisibility visibility, @AuthenticationPrincipal DeskPrincipal me)
			throws IOException {
		if (file.isEmpty()) {
			throw new InvalidFieldException("file", "the file is empty");
		}
		if (file.getSize() > properties.attachmentMaxBytes().toBytes()) {
			throw new RequestTooLargeException("attachments are limited to " + properties.attachmentMaxBytes());
		}
		try (InputStream in = file.getInputStream()) {
			return attachments.attach(me, number, file.getOriginalFilename(), visibility, in);
		}
	}

	@GetMapping("/{number}/attachments/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable String number, @PathVariable long id,
			@AuthenticationPrincipal DeskPrincipal me) throws IOException {
		Download d = attachments.download(me, number, id);
		return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(d.attachment().fileName(),
								java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "sandbox")
				.contentType(MediaType.parseMediaType(d.attachment().contentType()))
				.contentLength(d.attachment().size())
				.body(new InputStreamResource(d.content().open()));
	}

	private static ResponseEntity<TicketView> withEtag(TicketView t) {
		return ResponseEntity.ok().eTag(etag(t)).body(t);
	}

	private static String etag(TicketView t) {
		return "\"" + t.version() + "\"";
	}

	/** Reads {@code If-Match: "3"} (or {@code W/"3"}); {@code *} or no header means "any version". */
	static Long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
			return null;
		}
		String value = ifMatch.strip();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new InvalidFieldException(HttpHeaders.IF_MATCH, "If-Match must be an ETag this API gave out");
		}
	}
}
