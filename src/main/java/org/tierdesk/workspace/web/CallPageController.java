package org.tierdesk.workspace.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.tierdesk.intake.Calls;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Urgency;
import org.tierdesk.workspace.FormActions.FormProblem;

/**
 * Log a call: one screen, keyboard only if wished. The caller is looked up while the agent types (phone, name or
 * serial number), the entitlement and their open tickets shown; the call is saved as a new ticket or onto an open
 * one, and a simple call can be resolved in the same step.
 */
@DeskPage
@Controller
class CallPageController {

	private final Calls calls;

	private final Tickets tickets;

	private final Programs programs;

	private final TransactionTemplate tx;

	private final org.tierdesk.directory.SupportGroups groups;

	CallPageController(Calls calls, Tickets tickets, Programs programs, PlatformTransactionManager transactions,
			org.tierdesk.directory.SupportGroups groups) {
		this.groups = groups;
		this.calls = calls;
		this.tickets = tickets;
		this.programs = programs;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What the agent typed on the call screen. */
	public static final class CallForm {
		public String program;
		public String phone;
		public String name;
		public String serial;
		public Long callerId;
		public String newName;
		public String newEmail;
		public String newOrganization;
		public String newSite;
		public String ticket;
		public TicketKind kind = TicketKind.INCIDENT;
		public String subject;
		public String notes;
		public String category;
		public Impact impact;
		public Urgency urgency;
		public String system;
		public String version;
		public String location;
		public Integer durationSeconds;
		public boolean resolveNow;
		public ResolutionCode resolutionCode;
		public String solution;

		public String getProgram() { return program; }
		public void setProgram(String v) { program = v; }
		public String getPhone() { return phone; }
		public void setPhone(String v) { phone = v; }
		public String getName() { return name; }
		public void setName(String v) { name = v; }
		public String getSerial() { return serial; }
		public void setSerial(String v) { serial = v; }
		public Long getCallerId() { return callerId; }
		public void setCallerId(Long v) { callerId = v; }
		public String getNewName() { return newName; }
		public void setNewName(String v) { newName = v; }
		public String getNewEmail() { return newEmail; }
		public void setNewEmail(String v) { newEmail = v; }
		public String getNewOrganization() { return newOrganization; }
		public void setNewOrganization(String v) { newOrganization = v; }
		public String getNewSite() { return newSite; }
		public void setNewSite(String v) { newSite = v; }
		public String getTicket() { return ticket; }
		public void setTicket(String v) { ticket = v; }
		public TicketKind getKind() { return kind; }
		public void setKind(TicketKind v) { kind = v; }
		public String getSubject() { return subject; }
		public void setSubject(String v) { subject = v; }
		public String getNotes() { return notes; }
		public void setNotes(String v) { notes = v; }
		public String getCategory() { return category; }
		public void setCategory(String v) { category = v; }
		public Impact getImpact() { return impact; }
		public void setImpact(Impact v) { impact = v; }
		public Urgency getUrgency() { return urgency; }
		public void setUrgency(Urgency v) { urgency = v; }
		public String getSystem() { return system; }
		public void setSystem(String v) { system = v; }
		public String getVersion() { return version; }
		public void setVersion(String v) { version = v; }
		public String getLocation() { return location; }
		public void setLocation(String v) { location = v; }
		public Integer getDurationSeconds() { return durationSeconds; }
		public void setDurationSeconds(Integer v) { durationSeconds = v; }
		public boolean isResolveNow() { return resolveNow; }
		public void setResolveNow(boolean v) { resolveNow = v; }
		public ResolutionCode getResolutionCode() { return resolutionCode; }
		public void setResolutionCode(ResolutionCode v) { resolutionCode = v; }
		public String getSolution() { return solution; }
		public void setSolution(String v) { solution = v; }
	}

	@GetMapping("/console/calls/new")
	String newCall(@AuthenticationPrincipal DeskPrincipal me, @ModelAttribute("call") CallForm call, Model model) {
		ConsolePageController.requireStaff(me);
		List<Program> mine = programs.staffedBy(me);
		if ((call.program == null || call.program.isBlank()) && !mine.isEmpty()) {
			call.program = mine.get(0).key();
		}
		model.addAttribute("programs", mine);
		model.addAttribute("me", me);
		model.addAttribute("resolutionCodes", ResolutionCode.values());
		if (hasLookup(call)) {
			model.addAttribute("record", calls.lookUp(me, call.program, call.phone, call.name, call.serial));
		}
		return "console/call";
	}

	/** The caller panel, refreshed while the agent types. */
	@GetMapping("/console/calls/lookup")
	String lookUp(@AuthenticationPrincipal DeskPrincipal me, @ModelAttribute("call") CallForm call, Model model) {
		ConsolePageController.requireStaff(me);
		if (hasLookup(call)) {
			model.addAttribute("record", calls.lookUp(me, call.program, call.phone, call.name, call.serial));
		}
		return "console/call :: caller";
	}

	@PostMapping("/console/calls")
	ModelAndView log(@AuthenticationPrincipal DeskPrincipal me, @ModelAttribute("call") CallForm call, Model model) {
		ConsolePageController.requireStaff(me);
		try {
			// the resolution is checked before anything is written: the call is logged and resolved, or neither
			Resolution resolution = call.resolveNow ? new Resolution(call.resolutionCode, call.solution, null, null)
					: null;
			String number = tx.execute(status -> {
				Calls.NewCaller newCaller = call.callerId == null
						? new Calls.NewCaller(blank(call.newName), blank(call.phone), blank(call.newEmail),
								blank(call.newOrganization), blank(call.newSite))
						: null;
				StructuredFacts facts = blank(call.system) == null && blank(call.version) == null
						&& blank(call.location) == null && blank(call.serial) == null ? null
								: new StructuredFacts(null, blank(call.location), null, blank(call.system),
										blank(call.version), blank(call.serial), null);
				Calls.Logged logged = calls.log(me, new Calls.LogCall(call.program, call.callerId, newCaller,
						blank(call.ticket), call.kind, call.subject, call.notes, facts, blank(call.category), call.impact,
						call.urgency, call.durationSeconds, null));
				// a Tier 1 agent who takes a call owns the ticket it opens: the caller's one contact from then on
				boolean tier1 = groups.groupsOf(me.accountId()).values().stream()
					.anyMatch(g -> g.tier() == 1 && g.programId() == programs.byKey(call.program).id());
				if (logged.newTicket() && (tier1 || resolution != null)) {
					var t = tickets.get(me, logged.ticket());
					if (t.owner() == null || t.owner().id() != me.accountId()) {
						tickets.take(me, logged.ticket(), null, "took the call");
					}
				}
				if (resolution != null) {
					tickets.resolve(me, logged.ticket(), null, resolution);
				}
				return logged.ticket();
			});
			return new ModelAndView("redirect:/console/tickets/" + number + "?logged");
		}
		catch (InvalidFieldException | RuleViolationException | ForbiddenException e) {
			return again(me, call, model, org.tierdesk.workspace.FormActions.refusal("call", e));
		}
	}

	private ModelAndView again(DeskPrincipal me, CallForm call, Model model, FormProblem problem) {
		model.addAttribute("problem", problem);
		newCall(me, call, model);
		ModelAndView mv = new ModelAndView("console/call", model.asMap());
		mv.setStatus(HttpStatus.BAD_REQUEST);
		return mv;
	}

	private static boolean hasLookup(CallForm call) {
		return call.program != null && !call.program.isBlank() && (blank(call.phone) != null
				|| (blank(call.name) != null && call.name.strip().length() >= 2) || blank(call.serial) != null);
	}


	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
