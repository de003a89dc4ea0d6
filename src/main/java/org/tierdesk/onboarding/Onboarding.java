package org.tierdesk.onboarding;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.DirectoryLoad;
import org.tierdesk.directory.DirectoryLoad.LoadSummary;
import org.tierdesk.directory.DirectoryDocument;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.program.TierSetup;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.InvalidRowsException;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;

/**
 * Onboarding's use cases: a public request, the desk's answer (due within three business days), the program opened
 * in onboarding, the checklist settled, and activation in one audited, all-or-nothing step.
 */
@Service
@Transactional(readOnly = true)
public class Onboarding {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final int ANSWER_WITHIN_BUSINESS_DAYS = 3;

	private final OnboardingRepository cases;

	private final OnboardingEventRepository events;

	private final Programs programs;

	private final SupportGroups groups;

	private final DirectoryLoad directory;

	private final Accounts accounts;

	private final Clock clock;

	private final ZoneId deskZone;

	Onboarding(OnboardingRepository cases, OnboardingEventRepository events, Programs programs, SupportGroups groups,
			DirectoryLoad directory, Accounts accounts, Clock clock,
			@Value("${tierdesk.onboarding.time-zone:UTC}") String deskZone) {
		this.cases = cases;
		this.events = events;
		this.programs = programs;
		this.groups = groups;
		this.directory = directory;
		this.accounts = accounts;
		this.clock = clock;
		this.deskZone = ZoneId.of(deskZone);
	}

	/** What a program's point of contact fills in on the public page. */
	public record ServiceRequest(String organization, String programName, String contactName, String contactEmail,
			String contactPhone, Boolean wantsTieredServices, String message) {
	}

	public record Received(String reference, Instant answerDue) {
	}

	public record CaseView(String reference, CaseStatus status, String organization, String programName,
			String contactName, String contactEmail, String contactPhone, String message, Instant receivedAt,
			Instant answerDue, boolean answerOverdue, Instant answeredAt, String answer, String program,
			List<PointView> checklist, List<String> reportRecipients, Instant activatedAt) {
	}

	public record PointView(ChecklistItem item, boolean settled, String note, String settledBy, Instant settledAt) {
	}

	public record HistoryView(String action, String detail, String actor, Instant at) {
	}

	/** The program as the desk opens it for onboarding. */
	public record ProgramOpening(String key, String name, String timeZone, TierSetup tiers) {
	}

	/** Everything activation sets up, in one step. */
	public record Activation(TierSetup tiers, List<GroupPlan> groups, DirectoryDocument directory,
			List<String> reportRecipients) {
	}

	public record GroupPlan(String name, Integer tier, String email, String contractReference) {
	}

	public record Activated(CaseView onboarding, List<String> groupsCreated, LoadSummary directory) {
	}

	// -- the public request ---------------------------------------------------------------------------------------

	/** Records a request for the desk's services; every problem is reported with its field, nothing is saved then. */
	@Transactional
	public Received request(ServiceRequest r) {
		List<RowProblem> problems = new ArrayList<>();
		text(problems, "organization", r.organization(), 200, true);
		text(problems, "programName", r.programName(), 200, true);
		text(problems, "contactName", r.contactName(), 200, true);
		text(problems, "contactPhone", r.contactPhone(), 50, false);
		text(problems, "message", r.message(), 4000, false);
		if (r.contactEmail() == null || !EMAIL.matcher(r.contactEmail().strip()).matches()
				|| r.contactEmail().length() > 320) {
			problems.add(new RowProblem(1, "contactEmail", "an email address we can answer to is required"));
		}
		if (!Boolean.TRUE.equals(r.wantsTieredServices())) {
			problems.add(new RowProblem(1, "wantsTieredServices",
					"tick that the program wants the desk's tiered services"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The request was not sent: please correct the fields named.", problems);
		}
		Instant now = clock.instant();
		OnboardingCase c = cases.save(new OnboardingCase(r.organization().strip(), r.programName().strip(),
				r.contactName().strip(), r.contactEmail().strip(), blankToNull(r.contactPhone()),
				blankToNull(r.message()), now,
				BusinessDays.endOfBusinessDaysAfter(now, ANSWER_WITHIN_BUSINESS_DAYS, deskZone)));
		log(c, "REQUESTED", "by " + c.contactName() + " <" + c.contactEmail() + "> for " + c.programName(), null, now);
		return new Received(c.reference(), c.answerDue());
	}

	// -- the desk's side ------------------------------------------------------------------------------------------

	/** Every case, newest first; those whose answer is overdue say so. */
	public List<CaseView> cases(DeskPrincipal me) {
		requireAdmin(me);
		return cases.findAllByOrderByReceivedAtDesc().stream().map(this::view).toList();
	}

	public CaseView onboardingCase(DeskPrincipal me, String reference) {
		requireAdmin(me);
		return view(find(reference));
	}

	public List<HistoryView> history(DeskPrincipal me, String reference) {
		requireAdmin(me);
		OnboardingCase c = find(reference);
		List<OnboardingEvent> found = events.findByCaseIdOrderByOccurredAtAscIdAsc(c.id());
		var people = accounts.byIds(found.stream().map(OnboardingEvent::actorId)
			.filter(java.util.Objects::nonNull).distinct().toList());
		return found.stream().map(e -> new HistoryView(e.action(), e.detail(), e.actorId() == null ? c.contactEmail()
				: people.containsKey(e.actorId()) ? people.get(e.actorId()).username() : "#" + e.actorId(),
				e.occurredAt())).toList();
	}

	@Transactional
	public CaseView answer(DeskPrincipal me, String reference, String text) {
		requireAdmin(me);
		if (text == null || text.isBlank() || text.length() > 4000) {
			throw new InvalidFieldException("answer", "an answer of 1-4000 characters is required");
		}
		OnboardingCase c = find(reference);
		Instant now = clock.instant();
		c.answer(text.strip(), me.accountId(), now);
		log(c, "ANSWERED", text.strip(), me.accountId(), now);
		return view(c);
	}

	@Transactional
	public CaseView decline(DeskPrincipal me, String reference, String reason) {
		requireAdmin(me);
		if (reason == null || reason.isBlank() || reason.length() > 4000) {
			throw new InvalidFieldException("reason", "say why the request is declined");
		}
		OnboardingCase c = find(reference);
		Instant now = clock.instant();
		c.decline(reason.strip(), me.accountId(), now);
		log(c, "DECLINED", reason.strip(), me.accountId(), now);
		return view(c);
	}

	/** Opens the program in onboarding: it exists, can be set up, and refuses tickets until activation. */
	@Transactional
	public CaseView openProgram(DeskPrincipal me, String reference, ProgramOpening opening) {
		requireAdmin(me);
		OnboardingCase c = find(reference);
		if (opening == null) {
			throw new InvalidFieldException("key", "name the program's key");
		}
		Instant now = clock.instant();
		c.programOpened(opening.key(), me.accountId(), now);
		Program p = programs.createOnboarding(opening.key(), new ProgramSettings(
				opening.name() == null ? c.programName() : opening.name(),
				opening.timeZone() == null ? "UTC" : opening.timeZone(), opening.tiers(), null, null));
		log(c, "PROGRAM_OPENED", "program " + p.key() + " (" + p.name() + ", " + p.timeZone() + ", tiers "
				+ p.tierSetup().names().keySet() + ")", me.accountId(), now);
		return view(c);
	}

	@Transactional
	public CaseView settle(DeskPrincipal me, String reference, ChecklistItem item, Boolean settled, String note) {
		requireAdmin(me);
		if (item == null) {
			throw new InvalidFieldException("item", "one of " + List.of(ChecklistItem.values()));
		}
		boolean done = settled == null || settled;
		if (done && (note == null || note.isBlank())) {
			throw new InvalidFieldException("note", "write down what was agreed");
		}
		if (note != null && note.length() > 4000) {
			throw new InvalidFieldException("note", "at most 4000 characters");
		}
		OnboardingCase c = find(reference);
		Instant now = clock.instant();
		OnboardingCase.Point before = c.settle(item, done, note == null ? null : note.strip(), me.accountId(), now);
		log(c, done ? "SETTLED" : "REOPENED", item + ": " + (before.note() == null ? "" : before.note() + " -> ")
				+ (note == null ? "" : note.strip()), me.accountId(), now);
		return view(c);
	}

	/**
	 * Activates the program in one step: creates its groups, loads its directory, records its report recipients and
	 * opens its channels. Every point of the checklist must be settled; if anything in the plan is wrong, nothing at
	 * all is applied.
	 */
	@Transactional
	public Activated activate(DeskPrincipal me, String reference, Activation plan) {
		requireAdmin(me);
		OnboardingCase c = find(reference);
		String key = c.programKey().orElseThrow(() -> new RuleViolationException(
				"open the program first: activation sets up an existing program"));
		if (!c.unsettled().isEmpty()) {
			throw new RuleViolationException("checklist", "settle every point of the checklist first; still open: "
					+ c.unsettled());
		}
		if (plan == null) {
			throw new InvalidFieldException("groups", "give the activation plan");
		}
		Program program = plan.tiers() == null ? programs.byKey(key)
				: programs.update(key, new ProgramSettings(null, null, plan.tiers(), null, null));
		List<RowProblem> problems = new ArrayList<>();
		List<GroupPlan> planned = plan.groups() == null ? List.of() : plan.groups();
		java.util.Set<String> names = new java.util.HashSet<>();
		for (int i = 0; i < planned.size(); i++) {
			GroupPlan g = planned.get(i);
			if (g == null || g.name() == null || g.name().isBlank()) {
				problems.add(new RowProblem(i + 1, "groups[" + i + "].name", "a group needs a name"));
				continue;
			}
			if (!names.add(g.name().strip().toLowerCase(Locale.ROOT))) {
				problems.add(new RowProblem(i + 1, "groups[" + i + "].name", "named twice: " + g.name()));
			}
			if (g.tier() == null || g.tier() < 1 || g.tier() > 4 || !program.tierSetup().uses(g.tier())) {
				problems.add(new RowProblem(i + 1, "groups[" + i + "].tier",
						"a tier the program uses: " + program.tierSetup().names().keySet()));
			}
		}
		boolean hasTier1 = planned.stream().anyMatch(g -> g != null && Integer.valueOf(1).equals(g.tier()))
				|| groups.inProgram(program.id()).stream().anyMatch(g -> g.tier() == 1);
		if (!hasTier1) {
			problems.add(new RowProblem(0, "groups", "the program needs a Tier 1 group to own its tickets"));
		}
		List<String> recipients = plan.reportRecipients() == null ? List.of() : plan.reportRecipients();
		for (int i = 0; i < recipients.size(); i++) {
			String r = recipients.get(i);
			if (r == null || !EMAIL.matcher(r.strip()).matches()) {
				problems.add(new RowProblem(i + 1, "reportRecipients[" + i + "]", "not an email address: " + r));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRowsException("The program was not activated: " + problems.size() + " problem(s); "
					+ "nothing was changed.", problems);
		}
		Instant now = clock.instant();
		List<String> created = new ArrayList<>();
		Map<String, GroupInfo> existing = new java.util.HashMap<>();
		groups.inProgram(program.id()).forEach(g -> existing.put(g.name().toLowerCase(Locale.ROOT), g));
		for (GroupPlan g : planned) {
			if (!existing.containsKey(g.name().strip().toLowerCase(Locale.ROOT))) {
				groups.create(program.id(), g.name().strip(), g.tier(), g.email(), g.contractReference());
				created.add(g.name().strip());
			}
		}
		LoadSummary loaded = plan.directory() == null ? new LoadSummary(0, 0, 0, 0, false)
				: directory.importDocument(me, key, plan.directory());
		List<String> cleanRecipients = recipients.stream().map(String::strip).distinct().toList();
		programs.activate(key);
		c.activate(cleanRecipients, me.accountId(), now);
		log(c, "ACTIVATED", "program " + key + ": tiers " + program.tierSetup().names() + "; groups created " + created + "; directory " + loaded.created()
				+ " created, " + loaded.updated() + " updated, " + loaded.rotations() + " rotation(s)"
				+ (loaded.coverage() ? ", coverage set" : "") + "; report recipients " + cleanRecipients
				+ "; checklist " + c.checklist().stream().map(p -> p.item() + "=" + p.note()).toList(),
				me.accountId(), now);
		return new Activated(view(c), created, loaded);
	}

	// -- plumbing -------------------------------------------------------------------------------------------------

	private CaseView view(OnboardingCase c) {
		var people = accounts.byIds(c.checklist().stream().map(OnboardingCase.Point::settledBy)
			.filter(java.util.Objects::nonNull).distinct().toList());
		boolean overdue = c.answeredAt() == null ? clock.instant().isAfter(c.answerDue())
				: c.answeredAt().isAfter(c.answerDue());
		return new CaseView(c.reference(), c.status(), c.organization(), c.programName(), c.contactName(),
				c.contactEmail(), c.contactPhone(), c.message(), c.receivedAt(), c.answerDue(), overdue, c.answeredAt(),
				c.answerText(), c.programKey().orElse(null),
				c.checklist().stream().map(p -> new PointView(p.item(), p.settled(), p.note(),
						p.settledBy() == null ? null
								: people.containsKey(p.settledBy()) ? people.get(p.settledBy()).username() : null,
						p.settledAt())).toList(),
				c.reportRecipients(), c.activatedAt());
	}

	private OnboardingCase find(String reference) {
		if (reference != null && reference.startsWith("ONB-")) {
			try {
				return cases.findById(Long.parseLong(reference.substring(4)))
					.orElseThrow(() -> new NotFoundException("no onboarding case " + reference));
			}
			catch (NumberFormatException e) {
				// fall through
			}
		}
		throw new NotFoundException("no onboarding case " + reference);
	}

	private void log(OnboardingCase c, String action, String detail, Long actor, Instant now) {
		events.save(new OnboardingEvent(c.id(), action,
				detail == null ? null : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail, actor, now));
	}

	private static void requireAdmin(DeskPrincipal me) {
		if (!me.isAdmin()) {
			throw new ForbiddenException("only the desk's administrators handle onboarding");
		}
	}

	private static void text(List<RowProblem> problems, String field, String value, int max, boolean required) {
		if (required && (value == null || value.isBlank())) {
			problems.add(new RowProblem(1, field, "required"));
		}
		else if (value != null && value.length() > max) {
			problems.add(new RowProblem(1, field, "at most " + max + " characters"));
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
