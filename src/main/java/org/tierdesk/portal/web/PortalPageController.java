package org.tierdesk.portal.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.knowledge.Deflection;
import org.tierdesk.knowledge.Knowledge;
import org.tierdesk.knowledge.KnowledgeSearch;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.Role;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketAttachments;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketSearch;
import org.tierdesk.ticket.TicketSearch.TicketFilter;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketViews.TicketView;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.workspace.FormActions;
import org.tierdesk.workspace.FormActions.FormProblem;
import org.tierdesk.workspace.Timeline;

/** The customer portal's pages. */
@DeskPage
@Controller
class PortalPageController {

	private static final int PAGE_SIZE = 20;

	private final Tickets tickets;

	private final TicketSearch search;

	private final TicketAttachments attachments;

	private final Programs programs;

	private final FormActions actions;

	private final Knowledge knowledge;

	private final KnowledgeSearch knowledgeSearch;

	private final Deflection deflection;

	PortalPageController(Tickets tickets, TicketSearch search, TicketAttachments attachments, Programs programs,
			FormActions actions, Knowledge knowledge, KnowledgeSearch knowledgeSearch, Deflection deflection) {
		this.knowledge = knowledge;
		this.knowledgeSearch = knowledgeSearch;
		this.deflection = deflection;
		this.tickets = tickets;
		this.search = search;
		this.attachments = attachments;
		this.programs = programs;
		this.actions = actions;
	}

	@GetMapping("/portal")
	String requests(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(defaultValue = "0") int page,
			Model model) {
		requireCustomer(me);
		model.addAttribute("me", me);
		model.addAttribute("result", search.list(me, new TicketFilter(null, null, null, null, null, null, null, null),
				Math.max(0, page), PAGE_SIZE, "updatedAt,desc"));
		return "portal/requests";
	}

	/** The structured request form. */
	public static final class RequestForm {
		public String program;
		public TicketKind kind = TicketKind.INCIDENT;
		public String subject;
		public String description;
		public String system;
		public String version;
		public String location;
		public LocalDateTime occurredAt;

		public String getProgram() { return program; }
		public void setProgram(String v) { program = v; }
		public TicketKind getKind() { return kind; }
		public void setKind(TicketKind v) { kind = v; }
		public String getSubject() { return subject; }
		public void setSubject(String v) { subject = v; }
		public String getDescription() { return description; }
		public void setDescription(String v) { description = v; }
		public String getSystem() { return system; }
		public void setSystem(String v) { system = v; }
		public String getVersion() { return version; }
		public void setVersion(String v) { version = v; }
		public String getLocation() { return location; }
		public void setLocation(String v) { location = v; }
		public LocalDateTime getOccurredAt() { return occurredAt; }
		public void setOccurredAt(LocalDateTime v) { occurredAt = v; }
	}

	@GetMapping("/portal/requests/new")
	String newRequest(@AuthenticationPrincipal DeskPrincipal me, @ModelAttribute("form") RequestForm form,
			Model model) {
		requireCustomer(me);
		List<Program> mine = programs.byIds(me.programIds()).stream()
			.sorted(java.util.Comparator.comparing(Program::name)).toList();
		if ((form.program == null || form.program.isBlank()) && !mine.isEmpty()) {
			form.program = mine.get(0).key();
		}
		model.addAttribute("me", me);
		model.addAttribute("programs", mine);
		return "portal/new-request";
	}

	@PostMapping("/portal/requests")
	ModelAndView open(@AuthenticationPrincipal DeskPrincipal me, @ModelAttribute("form") RequestForm form,
			Model model) {
		requireCustomer(me);
		try {
			Instant occurred = null;
			if (form.occurredAt != null) {
				Program p = programs.visibleTo(me, form.program);
				occurred = form.occurredAt.atZone(p.timeZone()).toInstant();
			}
			StructuredFacts facts = blank(form.system) == null && blank(form.version) == null
					&& blank(form.location) == null && occurred == null ? null
							: new StructuredFacts(occurred, blank(form.location), null, blank(form.system),
									blank(form.version));
			TicketView t = tickets.open(me, new Tickets.OpenTicket(form.program, null, form.kind, Channel.WEB,
					form.subject, form.description, facts, null, null, null), null).ticket();
			return new ModelAndView("redirect:/portal/requests/" + t.number() + "?opened");
		}
		catch (InvalidFieldException | RuleViolationException | ForbiddenException e) {
			return again(me, form, model, FormActions.refusal("request", e));
		}
	}

	private ModelAndView again(DeskPrincipal me, RequestForm form, Model model, FormProblem problem) {
		model.addAttribute("problem", problem);
		newRequest(me, form, model);
		ModelAndView mv = new ModelAndView("portal/new-request", model.asMap());
		mv.setStatus(HttpStatus.BAD_REQUEST);
		return mv;
	}

	/** Articles that may answer the request being typed (Tier 0), refreshed as the customer types. */
	@GetMapping("/portal/suggestions")
	String suggestions(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			@RequestParam(required = false) String subject, @RequestParam(required = false) String description,
			Model model) {
		requireCustomer(me);
		String text = ((subject == null ? "" : subject) + " " + (description == null ? "" : description)).strip();
		if (text.length() > 300) {
			text = text.substring(0, 300);
		}
		String key = program == null || program.isBlank() ? null : program.strip();
		model.addAttribute("hits", text.length() < 3 || key == null ? List.of()
				: org.tierdesk.workspace.Snippets.of(knowledgeSearch.search(me, key,
						new KnowledgeSearch.Query(text.replaceAll("[\"*|+~()-]", " "), null, null, false, 5, true))));
		return "portal/new-request :: suggestions";
	}

	/** Tier 0 self-service: search the program's published answers. */
	@GetMapping("/portal/knowledge")
	String knowledgePage(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String text,
			@RequestParam(required = false) String program, Model model) {
		requireCustomer(me);
		List<Program> mine = programs.byIds(me.programIds()).stream()
			.sorted(java.util.Comparator.comparing(Program::name)).toList();
		String key = program != null && !program.isBlank() ? program.strip() : mine.isEmpty() ? null : mine.get(0).key();
		model.addAttribute("me", me);
		model.addAttribute("programs", mine);
		model.addAttribute("program", key);
		model.addAttribute("text", text);
		model.addAttribute("hits", text == null || text.isBlank() || key == null ? List.of()
				: org.tierdesk.workspace.Snippets.of(knowledgeSearch.search(me, key,
						new KnowledgeSearch.Query(text, null, null, false, 20))));
		return "portal/knowledge";
	}

	/** An answer, as a customer reads it; opened from the request form, the view counts towards deflection. */
	@GetMapping("/portal/articles/{number}")
	String article(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(defaultValue = "false") boolean fromRequest, Model model) {
		requireCustomer(me);
		Knowledge.ArticleView a = knowledge.get(me, number);
		deflection.viewed(programs.byKey(a.program()).id(), a.id(), me.accountId(), fromRequest);
		model.addAttribute("me", me);
		model.addAttribute("a", a);
		return "portal/article";
	}

	@PostMapping("/portal/articles/{number}/feedback")
	String articleFeedback(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam boolean helpful, RedirectAttributes redirect) {
		requireCustomer(me);
		return actions.run(redirect, "feedback", Map.of(), () -> knowledge.feedback(me, number, helpful),
				"redirect:/portal/articles/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8));
	}

	/** Live chat with the desk (the conversation itself runs over the desk's WebSocket, /ws). */
	@GetMapping("/portal/chat")
	String chat(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		requireCustomer(me);
		model.addAttribute("me", me);
		model.addAttribute("programs", programs.byIds(me.programIds()).stream()
			.sorted(java.util.Comparator.comparing(Program::name)).toList());
		return "portal/chat";
	}

	@GetMapping("/portal/requests/{number}")
	String request(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		requireCustomer(me);
		TicketView t = tickets.get(me, number);
		model.addAttribute("me", me);
		model.addAttribute("t", t);
		model.addAttribute("timeline", Timeline.of(tickets.entries(me, number), List.of()));
		model.addAttribute("files", attachments.list(me, number));
		model.addAttribute("mayAnswer", t.status() == TicketStatus.RESOLVED && t.requester() != null
				&& t.requester().id() == me.accountId());
		return "portal/request";
	}

	@PostMapping("/portal/requests/{number}/replies")
	String reply(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(required = false) String body,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		requireCustomer(me);
		return actions.run(redirect, "reply", Map.of("body", body == null ? "" : body),
				() -> actions.post(me, number, EntryVisibility.PUBLIC, body, false, files), back(number));
	}

	@PostMapping("/portal/requests/{number}/answer")
	String answer(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, @RequestParam Long version,
			@RequestParam boolean accepted, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		requireCustomer(me);
		return actions.run(redirect, "answer", Map.of("reason", reason == null ? "" : reason), () -> {
			if (!accepted && (reason == null || reason.isBlank())) {
				throw new InvalidFieldException("reason", "tell the desk what is still wrong");
			}
			tickets.answerResolution(me, number, version, accepted, blank(reason));
		}, back(number));
	}

	private static String back(String number) {
		return "redirect:/portal/requests/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void requireCustomer(DeskPrincipal me) {
		if (!me.has(Role.CUSTOMER)) {
			throw new ForbiddenException("the portal is for the desk's customers");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
