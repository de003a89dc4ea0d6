package org.tierdesk.workspace.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.TicketAttachments;
import org.tierdesk.ticket.TicketSearch;
import org.tierdesk.ticket.TicketSearch.Queue;
import org.tierdesk.ticket.TicketSearch.TicketFilter;
import org.tierdesk.ticket.TicketViews.TicketView;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.workspace.FormActions;
import org.tierdesk.workspace.Timeline;

/**
 * The Tier 4 vendor's view: only the tickets assigned to the vendor's group, with the facts and the thread the desk
 * shared, a way to post findings and to return the work to the owner.
 */
@DeskPage
@Controller
class VendorPageController {

	private final Tickets tickets;

	private final TicketSearch search;

	private final TicketAttachments attachments;

	private final FormActions actions;

	VendorPageController(Tickets tickets, TicketSearch search, TicketAttachments attachments, FormActions actions) {
		this.tickets = tickets;
		this.search = search;
		this.attachments = attachments;
		this.actions = actions;
	}

	@GetMapping("/vendor")
	String assignments(@AuthenticationPrincipal DeskPrincipal me, @RequestParam(defaultValue = "0") int page,
			Model model) {
		requireVendor(me);
		model.addAttribute("me", me);
		model.addAttribute("result", search.queue(me, new TicketFilter(null, null, null, null, null, null, null, null),
				Queue.MY_GROUPS, Math.max(0, page), ConsolePageController.PAGE_SIZE));
		return "vendor/assignments";
	}

	@GetMapping("/vendor/tickets/{number}")
	String ticket(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number, Model model) {
		requireVendor(me);
		TicketView t = tickets.get(me, number);
		if (t.assignment() == null) {
			// the work went back to the desk: the vendor no longer sees this ticket
			throw new NotFoundException("no ticket " + number);
		}
		model.addAttribute("me", me);
		model.addAttribute("t", t);
		model.addAttribute("timeline", Timeline.of(tickets.entries(me, number), List.of()));
		model.addAttribute("files", attachments.list(me, number));
		return "vendor/ticket";
	}

	@PostMapping("/vendor/tickets/{number}/entries")
	String note(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@RequestParam(required = false) String body,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes redirect) {
		requireVendor(me);
		return actions.run(redirect, "entry", Map.of("body", body == null ? "" : body),
				() -> actions.post(me, number, EntryVisibility.INTERNAL, body, false, files), back(number));
	}

	@PostMapping("/vendor/tickets/{number}/assignments/{assignmentId}/return")
	String returnWork(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String number,
			@PathVariable long assignmentId, @RequestParam Long version, @RequestParam(required = false) String findings,
			RedirectAttributes redirect) {
		requireVendor(me);
		return actions.run(redirect, "return", Map.of("findings", findings == null ? "" : findings),
				() -> tickets.returnAssignment(me, number, assignmentId, version, findings), "redirect:/vendor",
				back(number));
	}

	private static String back(String number) {
		return "redirect:/vendor/tickets/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static void requireVendor(DeskPrincipal me) {
		if (!me.has(Role.VENDOR)) {
			throw new ForbiddenException("the vendor view is for the desk's Tier 4 vendors");
		}
	}
}
