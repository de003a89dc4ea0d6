package org.tierdesk.workspace.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.LinkType;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.TicketAttachments;
import org.tierdesk.ticket.TicketAttachments.Download;
import org.tierdesk.ticket.TicketSearch;
import org.tierdesk.ticket.TicketSearch.TicketFilter;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketViews.AssignmentView;
import org.tierdesk.ticket.TicketViews.TicketView;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.EscalationType;
import org.tierdesk.workspace.Timeline;

/**
 * The ticket workspace: everything about one ticket at a glance and every action on it. Each action is a plain
 * form post (CSRF-protected) answered by a redirect back to the ticket; a refused action comes back beside its
 * field, with what was typed kept.
 */
@DeskPage
@Controller
class TicketPageController {

	private final Tickets tickets;

	private final TicketSearch search;

	private final TicketAttachments attachments;

	private final ServiceLevels serviceLevels;

	private final Directory directory;

	private final SupportGroups groups;

	private final Programs programs;

	private final Accounts accounts;

	private final org.tierdesk.workspace.FormActions actions;

	private final org.tierdesk.knowledge.KnowledgeSearch knowledgeSearch;

	private final org.tierdesk.knowledge.TicketFinder ticketFinder;

	private final org.tierdesk.knowledge.Knowledge knowledge;

	TicketPageController(Tickets tickets, TicketSearch search, TicketAttachments attachments,
			ServiceLevels serviceLevels, Directory directory, SupportGroups groups, Programs programs,
			Accounts accounts, org.tierdesk.workspace.FormActions actions,
			org.tierdesk.knowledge.KnowledgeSearch knowledgeSearch, org.tierdesk.knowledge.TicketFinder ticketFinder,
			org.tierdesk.knowledge.Knowledge knowledge) {
		this.knowledgeSearch = knowledgeSearch;
		this.ticketFinder = ticketFinder;
		this.knowledge = knowledge;
		this.tickets = tickets;
		this.search = search;
		this.attachments = attachments;
		this.serviceLevels = serviceLevels;
		this.directory = directory;
		this.groups = groups;
		this.programs = programs;
		this.accounts = accounts;
		this.actions = actions;
	}

	/** A group the ticket may be escalated to, and whether the directory names it the cognizant authority. */
	public record GroupChoice(long id, String name, int tier, boolean suggested) {
	}

	@GetMapping("/console/tickets/{number}")
	String ticket(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		ConsolePageController.requireStaff(me);
		TicketView t = tickets.get(me, number);
		Program program = programs.byKey(t.program());
		model.addAttribute("me", me);
		model.addAttribute("t", t);
		model.addAttribute("program", program);
		model.addAttribute("clocks", serviceLevels.clocksOf(me, number));
		List<org.tierdesk.ticket.TicketViews.HistoryView> history = tickets.history(me, number);
		Map<Long, String> people = new java.util.HashMap<>();
		accounts.byIds(Timeline.named(history, true)).forEach((id, p) -> people.put(id, p.displayName()));
		Map<Long, String> groupNames = new java.util.HashMap<>();
		groups.byIds(Timeline.named(history, false)).forEach((id, g) -> groupNames.put(id, g.name()));
		model.addAttribute("timeline", Timeline.of(tickets.entries(me, number), history, people, groupNames));
		model.addAttribute("links", tickets.links(me, number));
		model.addAttribute("files", attachments.list(me, number));
		model.addAttribute("requester", t.requester() == null ? null
				: accounts.findById(t.requester().id()).orElse(null));
		model.addAttribute("otherOpen", t.requester() == null ? List.of()
				: search.list(me, new TicketFilter(t.program(), List.of(TicketStatus.NEW, TicketStatus.OPEN,
						TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.WAITING_ON_VENDOR), null, null, null,
						t.requester().id(), null, null), 0, 10, null).items().stream()
					.filter(o -> !o.number().equals(t.number())).toList());
		model.addAttribute("escalationGroups", escalationGroups(program, t));
		model.addAttribute("myAssignment", myAssignment(me, t).orElse(null));
		String about = t.subject().replaceAll("[\"*|+~()-]", " ").strip();
		model.addAttribute("related", about.isEmpty() ? List.of()
				: org.tierdesk.workspace.Snippets.of(knowledgeSearch.search(me, t.program(),
						new org.tierdesk.knowledge.KnowledgeSearch.Query(about, null, null, false, 5, true))));
		model.addAttribute("similar", about.isEmpty() ? List.of()
				: ticketFinder.similar(me, t.program(), about, 6).stream()
					.filter(h -> !h.number().equals(t.number())).limit(5)
					.map(h -> new org.tierdesk.workspace.Snippets.Found(h.number(), h.subject(),
							org.tierdesk.workspace.Snippets.html(h.snippet())))
					.toList());
		model.addAttribute("linkTypes", LinkType.values());
		model.addAttribute("resolutionCodes", ResolutionCode.values());
		return "console/ticket";
	}

	/** The program's groups above the ticket's tier, the directory's cognizant authority for its system first. */
	private List<GroupChoice> escalationGroups(Program program, TicketView t) {
		String system = t.facts() == null ? null : t.facts().affectedSystem();
		Optional<Directory.SystemInfo> info = system == null || system.isBlank() ? Optional.empty()
				: directory.lookUp(program.id(), system);
		List<Long> cognizant = info.map(i -> i.authorities().stream().map(Directory.AuthorityInfo::groupId).toList())
			.orElse(List.of());
		List<GroupChoice> choices = new ArrayList<>();
		for (GroupInfo g : groups.inProgram(program.id())) {
			if (g.tier() > 1 && program.tierSetup().uses(g.tier())) {
				choices.add(new GroupChoice(g.id(), g.name(), g.tier(), cognizant.contains(g.id())));
			}
		}
		choices.sort(Comparator.comparing((GroupChoice c) -> !c.suggested()).thenComparing(GroupChoice::tier)
			.thenComparing(GroupChoice::name));
		return choices;
	}

	/** The active assignment, when it is my group's (so I may return it with findings). */
	private Optional<AssignmentView> myAssignment(DeskPrincipal me, TicketView t) {
		AssignmentView a = t.assignment();
		if (a == null) {
			return Optional.empty();
		}
		boolean mine = groups.groupsOf(me.accountId()).containsKey(a.group().id()) || me.manages(programs.byKey(t.program()).id());
		return mine ? Optional.of(a) : Optional.empty();
	}

	/** "Used to resolve": the article answered this ticket. */
	@PostMapping("/console/tickets/{number}/articles/{article}")
	String useArticle(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@PathVariable String article, RedirectAttributes redirect) {
		return actions.run(redirect, "article", Map.of(), () -> knowledge.link(me, article, number), back(number));
	}

	@PostMapping("/console/tickets/{number}/take")
	String take(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			RedirectAttributes redirect) {
		return actions.run(redirect, "take", Map.of(), () -> tickets.take(me, number, version, null), back(number));
	}

	@PostMapping("/console/tickets/{number}/escalate")
	String escalate(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam Long version, @RequestParam(required = false) Long groupId,
			@RequestParam(defaultValue = "FUNCTIONAL") EscalationType type, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return actions.run(redirect, "escalate", Map.of("reason", reason == null ? "" : reason), () -> {
			if (type == EscalationType.FUNCTIONAL && groupId == null) {
				throw new InvalidFieldException("groupId", "choose the group to escalate to");
			}
			Integer tier = groupId == null ? null : groups.byId(groupId).tier();
			tickets.escalate(me, number, version, new Tickets.Escalation(type, tier, groupId, null, null, reason));
		}, back(number));
	}

	@PostMapping("/console/tickets/{number}/assignments/{assignmentId}/return")
	String returnWork(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@PathVariable long assignmentId, @RequestParam Long version, @RequestParam(required = false) String findings,
			RedirectAttributes redirect) {
		return actions.run(redirect, "return", Map.of("findings", findings == null ? "" : findings),
				() -> tickets.returnAssignment(me, number, assignmentId, version, findings), back(number));
	}

	@PostMapping("/console/tickets/{number}/resolve")
	String resolve(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			@RequestParam(required = false) ResolutionCode code, @RequestParam(required = false) String solution,
			@RequestParam(required = false) String fixRelease,
			@RequestParam(required = false) LocalDate fixReleaseDate, RedirectAttributes redirect) {
		return actions.run(redirect, "resolve", Map.of("solution", solution == null ? "" : solution, "fixRelease",
				fixRelease == null ? "" : fixRelease), () -> tickets.resolve(me, number, version,
						new Resolution(code, solution, blankToNull(fixRelease), fixReleaseDate)), back(number));
	}

	@PostMapping("/console/tickets/{number}/lesson")
	String lesson(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			@RequestParam(required = false) String summary, RedirectAttributes redirect) {
		return actions.run(redirect, "lesson", Map.of("summary", summary == null ? "" : summary),
				() -> tickets.recordLesson(me, number, version, summary), back(number));
	}

	@PostMapping("/console/tickets/{number}/cancel")
	String cancel(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return actions.run(redirect, "cancel", Map.of(), () -> tickets.cancel(me, number, version, reason),
				back(number));
	}

	@PostMapping("/console/tickets/{number}/link")
	String link(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			@RequestParam(defaultValue = "RELATED") LinkType type, @RequestParam(required = false) String target,
			RedirectAttributes redirect) {
		return actions.run(redirect, "link", Map.of("target", target == null ? "" : target),
				() -> tickets.link(me, number, version, type, required("target", target)), back(number));
	}

	@PostMapping("/console/tickets/{number}/merge")
	String merge(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			@RequestParam(required = false) String into, RedirectAttributes redirect) {
		return actions.run(redirect, "merge", Map.of("into", into == null ? "" : into),
				() -> tickets.merge(me, number, version, required("into", into)), back(number));
	}

	/** A public reply or an internal note, with files. */
	@PostMapping("/console/tickets/{number}/entries")
	String entry(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(defaultValue = "INTERNAL") EntryVisibility visibility,
			@RequestParam(required = false) String body, @RequestParam(defaultValue = "false") boolean share,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		return actions.run(redirect, "entry", Map.of("body", body == null ? "" : body, "visibility", visibility.name()),
				() -> actions.post(me, number, visibility, body, share, files), back(number));
	}

	/** A ticket's file, for whoever may see it (desk, vendor on the assignment, requester for public files). */
	@GetMapping("/files/tickets/{number}/{id}")
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@PathVariable long id) throws IOException {
		Download d = attachments.download(me, number, id);
		InputStream in = d.content().open();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(d.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", "sandbox")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.contentLength(d.attachment().size())
			.body(new InputStreamResource(in));
	}

	private static String back(String number) {
		return "redirect:/console/tickets/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
	}

	static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, "required");
		}
		return value.strip();
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
