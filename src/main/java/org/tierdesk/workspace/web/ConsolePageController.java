package org.tierdesk.workspace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.intake.Chats;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketSearch;
import org.tierdesk.ticket.TicketSearch.Queue;
import org.tierdesk.ticket.TicketSearch.TicketFilter;
import org.tierdesk.ticket.TicketSearch.TicketPage;
import org.tierdesk.ticket.TicketViews.TicketSummary;
import org.tierdesk.workspace.LiveUpdates;
import org.tierdesk.workspace.SavedFilters;

/**
 * The agent console's queues: my tickets, my groups' assignments, the unassigned Tier 1 queue, everything open,
 * and what is nearing or past its SLA; live counts, waiting chats, saved filters.
 */
@DeskPage
@Controller
class ConsolePageController {

	static final int PAGE_SIZE = 25;

	private final TicketSearch search;

	private final ServiceLevels serviceLevels;

	private final Programs programs;

	private final Chats chats;

	private final LiveUpdates live;

	private final SavedFilters savedFilters;

	ConsolePageController(TicketSearch search, ServiceLevels serviceLevels, Programs programs, Chats chats,
			LiveUpdates live, SavedFilters savedFilters) {
		this.search = search;
		this.serviceLevels = serviceLevels;
		this.programs = programs;
		this.chats = chats;
		this.live = live;
		this.savedFilters = savedFilters;
	}

	/** Everyone's start: staff to the console, vendors to their assignments, customers to the portal. */
	@GetMapping("/")
	String home(@AuthenticationPrincipal DeskPrincipal me) {
		if (me.isStaff()) {
			return "redirect:/console";
		}
		if (me.has(Role.VENDOR)) {
			return "redirect:/vendor";
		}
		return "redirect:/portal";
	}

	/** The queue filter as the page's query string carries it. */
	public record QueueQuery(String queue, String program, Integer tier, TicketKind kind, int page) {

		public Queue standing() {
			return switch (queue) {
				case "mine" -> Queue.MINE;
				case "groups" -> Queue.MY_GROUPS;
				case "unassigned" -> Queue.UNASSIGNED;
				default -> Queue.OPEN;
			};
		}

		public TicketFilter filter() {
			return new TicketFilter(program, null, tier, null, null, null, kind, null);
		}

		public String queryString() {
			StringBuilder q = new StringBuilder("queue=").append(queue);
			if (program != null) {
				q.append("&program=").append(java.net.URLEncoder.encode(program, java.nio.charset.StandardCharsets.UTF_8));
			}
			if (tier != null) {
				q.append("&tier=").append(tier);
			}
			if (kind != null) {
				q.append("&kind=").append(kind);
			}
			return q.toString();
		}
	}

	static final List<String> QUEUES = List.of("mine", "groups", "unassigned", "open", "sla");

	@GetMapping("/console")
	String queues(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(defaultValue = "") String queue,
			@RequestParam(required = false) String program, @RequestParam(required = false) Integer tier,
			@RequestParam(required = false) TicketKind kind, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-Target", required = false) String target, Model model) {
		requireStaff(me);
		String name = queue.isBlank() ? "mine" : queue.toLowerCase(Locale.ROOT);
		if (!QUEUES.contains(name)) {
			throw new InvalidFieldException("queue", "one of " + QUEUES);
		}
		if (tier != null && (tier < 1 || tier > 4)) {
			throw new InvalidFieldException("tier", "a tier is 1 to 4");
		}
		String programKey = program == null || program.isBlank() ? null : program.strip();
		QueueQuery q = new QueueQuery(name, programKey, tier, kind, Math.max(0, page));
		model.addAttribute("q", q);
		model.addAttribute("me", me);
		if ("sla".equals(name)) {
			// the nearest due first, a page at a time (one more asked for, to know whether a next page exists)
			List<ServiceLevels.AtRisk> atRisk = serviceLevels.atRisk(me, programKey, q.page() * PAGE_SIZE,
					PAGE_SIZE + 1);
			boolean more = atRisk.size() > PAGE_SIZE;
			atRisk = atRisk.subList(0, Math.min(PAGE_SIZE, atRisk.size()));
			Map<Long, ServiceLevels.AtRisk> byTicket = new java.util.HashMap<>();
			atRisk.forEach(a -> byTicket.put(a.ticketId(), a));
			List<TicketSummary> items = search.summariesOf(me, atRisk.stream().map(ServiceLevels.AtRisk::ticketId).toList());
			long atRiskCount = serviceLevels.countAtRisk(me, programKey, TicketSearch.COUNT_CAP);
			model.addAttribute("result", new TicketPage(items, q.page(), PAGE_SIZE, atRiskCount,
					more ? q.page() + 2 : q.page() + 1));
			model.addAttribute("atRisk", byTicket);
		}
		else {
			model.addAttribute("result", search.queue(me, q.filter(), q.standing(), q.page(), PAGE_SIZE));
			model.addAttribute("atRisk", Map.of());
		}
		if (htmx != null && "results".equals(target)) {
			return "console/queues :: results";
		}
		counts(me, q, model);
		model.addAttribute("programs", programs.staffedBy(me));
		model.addAttribute("saved", savedFilters.of(me));
		return "console/queues";
	}

	/** Straight to a ticket by its number (the "/" shortcut). */
	@GetMapping("/console/go")
	String go(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(defaultValue = "") String number) {
		requireStaff(me);
		String n = number.strip().toUpperCase(Locale.ROOT);
		if (n.isEmpty()) {
			return "redirect:/console";
		}
		return "redirect:/console/tickets/" + java.net.URLEncoder.encode(n, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The live counts of the queues (and waiting chats), refreshed when tickets change. */
	@GetMapping("/console/counts")
	String counts(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(required = false) String program,
			Model model) {
		requireStaff(me);
		String programKey = program == null || program.isBlank() ? null : program.strip();
		QueueQuery q = new QueueQuery("mine", programKey, null, null, 0);
		model.addAttribute("q", q);
		counts(me, q, model);
		return "console/queues :: counts";
	}

	private void counts(DeskPrincipal me, QueueQuery q, Model model) {
		Map<Queue, Long> counts = search.queueCounts(me, q.filter());
		Map<String, Long> byName = new java.util.LinkedHashMap<>();
		byName.put("mine", counts.get(Queue.MINE));
		byName.put("groups", counts.get(Queue.MY_GROUPS));
		byName.put("unassigned", counts.get(Queue.UNASSIGNED));
		byName.put("open", counts.get(Queue.OPEN));
		byName.put("sla", serviceLevels.countAtRisk(me, q.program(), TicketSearch.COUNT_CAP));
		model.addAttribute("counts", byName);
		model.addAttribute("countCap", TicketSearch.COUNT_CAP);
		List<Chats.ChatView> waiting = new ArrayList<>();
		for (Program p : programs.staffedBy(me)) {
			if (q.program() == null || q.program().equals(p.key())) {
				waiting.addAll(chats.waiting(me, p.key()));
			}
		}
		model.addAttribute("waitingChats", waiting);
	}

	@PostMapping("/console/filters")
	String saveFilter(@AuthenticationPrincipal DeskPrincipal me, @RequestParam String name,
			@RequestParam String query, RedirectAttributes redirect) {
		requireStaff(me);
		try {
			savedFilters.save(me, name, query);
		}
		catch (InvalidFieldException e) {
			redirect.addFlashAttribute("filterError", e.getMessage());
		}
		return "redirect:/console?" + SavedFilters.clean(query);
	}

	@PostMapping("/console/filters/delete")
	String deleteFilter(@AuthenticationPrincipal DeskPrincipal me, @RequestParam long id) {
		requireStaff(me);
		savedFilters.delete(me, id);
		return "redirect:/console";
	}

	/** Server-sent events: "tickets" whenever a ticket of one of my programs changed. */
	@GetMapping(path = "/console/events", produces = "text/event-stream")
	SseEmitter events(@AuthenticationPrincipal DeskPrincipal me) {
		if (!LiveUpdates.mayFollow(me)) {
			throw new ForbiddenException("live updates are for desk staff and vendors");
		}
		return live.subscribe(me);
	}


	static void requireStaff(DeskPrincipal me) {
		if (!me.isStaff()) {
			throw new ForbiddenException("the console is for desk staff");
		}
	}
}
