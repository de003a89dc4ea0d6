package org.tierdesk.deficiency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.deficiency.DeficiencyReport.Change;
import org.tierdesk.deficiency.DeficiencyReport.Description;
import org.tierdesk.deficiency.DeficiencyReport.Move;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.Directory.AuthorityInfo;
import org.tierdesk.directory.Directory.SystemInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.intake.Notifications;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.Sequences;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketFacts;
import org.tierdesk.ticket.Tickets;

/**
 * Deficiency reports, for the desk staff of their program: raise one from tickets (the system must be in the
 * directory, whose cognizant authority coordinates the fix), gather more tickets, describe, move it through its
 * lifecycle, record when the fixing release shipped — which tells every linked ticket's customer and owner once —
 * and see afterwards whether the fix worked.
 */
@Service
@Transactional
public class DeficiencyReports {

	public record Raise(String system, String versionFound, Severity severity, String title, String description,
			String steps, String workaround, List<String> tickets) {
	}

	public record Edit(String versionFound, Severity severity, String title, String description, String steps,
			String workaround, String reason) {
	}

	public record Transition(DeficiencyStatus status, String reason, String fixRelease, LocalDate plannedOn,
			LocalDate shippedOn, String duplicateOf) {
	}

	public record ReportView(String number, String program, String system, String versionFound, Severity severity,
			String title, String description, String steps, String workaround, String authority,
			DeficiencyStatus status, Set<DeficiencyStatus> next, String fixRelease, LocalDate fixPlannedOn,
			LocalDate fixShippedOn, String duplicateOf, boolean knownError, String raisedBy, Instant raisedAt,
			Instant updatedAt, long version, List<LinkedTicket> tickets, String lessonLearned) {
	}

	public record LinkedTicket(String number, Instant linkedAt, Instant notifiedAt) {
	}

	public record HistoryView(String action, String field, String oldValue, String newValue, String reason,
			String actor, Instant at) {
	}

	/** An open fault's workaround, shown on linked tickets and at intake for the same system and version. */
	public record KnownError(String number, String title, String system, String versionFound, Severity severity,
			DeficiencyStatus status, String workaround, String fixRelease, LocalDate fixPlannedOn) {
	}

	/**
	 * Did the fix work? Over the days since the release shipped, compared with as many days before it: tickets of
	 * the DR reopened, new tickets on the version found in, and new tickets on the fixing release.
	 */
	public record FixFeedback(String number, String system, String versionFound, String fixRelease,
			LocalDate shippedOn, long days, int linkedTickets, long reopenedSinceFix, long newOnVersionFoundBefore,
			long newOnVersionFoundSince, long newOnFixReleaseSince, Double linkedSatisfaction, long satisfactionAnswers,
			String verdict) {
	}

	private final DeficiencyReportRepository reports;

	private final DeficiencyLinkRepository links;

	private final DeficiencyHistoryRepository history;

	private final Programs programs;

	private final Directory directory;

	private final Tickets tickets;

	private final Accounts accounts;

	private final Notifications notifications;

	private final Sequences sequences;

	private final Clock clock;

	private final org.tierdesk.satisfaction.Surveys surveys;

	/**
	 * Each program's open known errors (not closed, rejected, a duplicate or fixed in a shipped release), as intake
	 * checks every new ticket against them: read once and kept for {@code tierdesk.deficiency.known-error-cache-ttl},
	 * forgotten at once on this instance whenever one of the program's reports changes.
	 */
	private final com.github.benmanes.caffeine.cache.Cache<Long, List<KnownError>> openKnownErrors;

	DeficiencyReports(DeficiencyReportRepository reports, DeficiencyLinkRepository links,
			DeficiencyHistoryRepository history, Programs programs, Directory directory, Tickets tickets,
			Accounts accounts, Notifications notifications, Sequences sequences, Clock clock,
			org.tierdesk.satisfaction.Surveys surveys,
			@org.springframework.beans.factory.annotation.Value("${tierdesk.deficiency.known-error-cache-ttl:10s}") java.time.Duration knownErrorTtl) {
		this.openKnownErrors = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1_000)
			.expireAfterWrite(knownErrorTtl).build();
		this.surveys = surveys;
		this.reports = reports;
		this.links = links;
		this.history = history;
		this.programs = programs;
		this.directory = directory;
		this.tickets = tickets;
		this.accounts = accounts;
		this.notifications = notifications;
		this.sequences = sequences;
		this.clock = clock;
	}

	public ReportView raise(DeskPrincipal me, String programKey, Raise r) {
		Program program = staff(me, programKey);
		if (r.system() == null || r.system().isBlank()) {
			throw new InvalidFieldException("system", "name the system the fault is in");
		}
		SystemInfo system = directory.lookUp(program.id(), r.system()).orElseThrow(() -> new InvalidFieldException(
				"system", "the directory of " + program.key() + " lists no system " + r.system().strip()));
		AuthorityInfo authority = system.authorityAt(3).or(() -> system.authorityAt(2))
			.or(() -> system.authorityAt(4)).orElse(null);
		Instant now = clock.instant();
		List<TicketFacts> found = ticketsOf(me, program, r.tickets());
		DeficiencyReport report = reports.save(DeficiencyReport.raise(program.id(),
				String.format("DR-%06d", sequences.next("deficiency_number_seq")), system.name(),
				new Description(system.name(), r.versionFound(), r.severity(), r.title(), r.description(), r.steps(),
						r.workaround()),
				authority == null ? null : authority.groupId(), authority == null ? null : authorityText(authority),
				me.accountId(), now));
		record(report, "RAISED", null, null, report.title(), "raised for " + system.name() + " " + report.versionFound(),
				me.accountId(), now);
		link(report, found, me.accountId(), now);
		return view(report);
	}

	public ReportView attach(DeskPrincipal me, String number, Long expectedVersion, List<String> ticketNumbers) {
		DeficiencyReport report = staffReport(me, number);
		report.requireVersion(expectedVersion);
		if (report.status().ended()) {
			throw new RuleViolationException("status", number + " is " + report.status() + ": attach the tickets to "
					+ (report.duplicateOf() != null ? report.duplicateOf() : "an open report"));
		}
		if (ticketNumbers == null || ticketNumbers.isEmpty()) {
			throw new InvalidFieldException("tickets", "name at least one ticket to attach");
		}
		Instant now = clock.instant();
		link(report, ticketsOf(me, programs.byId(report.programId()), ticketNumbers), me.accountId(), now);
		report.touched(now);
		return view(report);
	}

	public ReportView edit(DeskPrincipal me, String number, Long expectedVersion, Edit e) {
		DeficiencyReport report = staffReport(me, number);
		report.requireVersion(expectedVersion);
		Instant now = clock.instant();
		List<Change> changes = report.describe(new Description(report.systemName(), e.versionFound(), e.severity(),
				e.title(), e.description(), e.steps(), e.workaround()), false);
		changes.forEach(c -> record(report, "CHANGED", c.field(), c.oldValue(), c.newValue(), e.reason(),
				me.accountId(), now));
		report.touched(now);
		return view(report);
	}

	/** Desk staff record the lesson learned from a report (blank withdraws it). */
	public ReportView recordLesson(DeskPrincipal me, String number, Long expectedVersion, String summary) {
		DeficiencyReport report = staffReport(me, number);
		report.requireVersion(expectedVersion);
		Instant now = clock.instant();
		report.recordLesson(summary, me.accountId(), now).ifPresent(c -> {
			record(report, c.newValue() == null ? "LESSON_WITHDRAWN" : "LESSON_LEARNED", c.field(), c.oldValue(),
					c.newValue(), null, me.accountId(), now);
			report.touched(now);
		});
		return view(report);
	}

	/** A lesson learned from a deficiency report, for the lessons-learned report. */
	public record Lesson(String number, String system, String title, String summary, String by, Instant at) {
	}

	@Transactional(readOnly = true)
	public List<Lesson> lessons(DeskPrincipal me, String programKey, Instant from, Instant to) {
		Program program = staff(me, programKey);
		List<DeficiencyReport> found = reports
			.findByProgramIdAndLessonAtGreaterThanEqualAndLessonAtLessThanOrderByLessonAt(program.id(), from, to);
		var people = accounts.byIds(found.stream().map(DeficiencyReport::lessonBy).filter(java.util.Objects::nonNull)
			.distinct().toList());
		return found.stream().map(r -> new Lesson(r.number(), r.systemName(), r.title(), r.lessonSummary(),
				people.containsKey(r.lessonBy()) ? people.get(r.lessonBy()).displayName() : "", r.lessonAt())).toList();
	}

	/** The feedback on every fix shipped on or after {@code since} (program's staff). */
	@Transactional(readOnly = true)
	public List<FixFeedback> feedbackSince(DeskPrincipal me, String programKey, java.time.LocalDate since) {
		Program program = staff(me, programKey);
		return reports.findByProgramIdAndFixShippedOnGreaterThanEqualOrderByFixShippedOn(program.id(), since).stream()
			.map(r -> feedback(me, r.number())).toList();
	}

	public ReportView move(DeskPrincipal me, String number, Long expectedVersion, Transition t) {
		DeficiencyReport report = staffReport(me, number);
		report.requireVersion(expectedVersion);
		DeficiencyReport original = null;
		if (t.status() == DeficiencyStatus.DUPLICATE && t.duplicateOf() != null && !t.duplicateOf().isBlank()) {
			original = reports.findByNumber(t.duplicateOf().strip().toUpperCase(Locale.ROOT))
				.filter(o -> o.programId() == report.programId() && !o.id().equals(report.id()))
				.orElseThrow(() -> new InvalidFieldException("duplicateOf", "no other deficiency report "
						+ t.duplicateOf().strip() + " in this program"));
			if (original.status().ended()) {
				throw new InvalidFieldException("duplicateOf", original.number() + " is " + original.status()
						+ ": name the report that stands");
			}
		}
		Instant now = clock.instant();
		boolean wasShipped = report.shipped();
		List<Change> changes = report.move(new Move(t.status(), t.reason(), t.fixRelease(), t.plannedOn(),
				t.shippedOn(), t.duplicateOf()), today(report));
		for (Change c : changes) {
			record(report, c.field().equals("status") ? "STATUS_CHANGED" : "CHANGED", c.field(), c.oldValue(),
					c.newValue(), t.reason(), me.accountId(), now);
		}
		report.touched(now);
		if (original != null) {
			// the original gathers the duplicate's tickets, so they hear when its fix ships
			List<TicketFacts> moved = links.findByReportIdOrderByLinkedAt(report.id()).stream()
				.map(l -> tickets.facts(l.ticketId()).orElse(null)).filter(java.util.Objects::nonNull).toList();
			link(original, moved, me.accountId(), now);
			original.touched(now);
		}
		if (!wasShipped && report.shipped()) {
			tellShipped(report, now);
		}
		return view(report);
	}

	/** The fixing release shipped: every linked ticket's customer and owner are told, once. */
	public ReportView ship(DeskPrincipal me, String number, Long expectedVersion, LocalDate shippedOn) {
		DeficiencyReport report = staffReport(me, number);
		report.requireVersion(expectedVersion);
		report.requireShippable();
		Instant now = clock.instant();
		for (Change c : report.ship(shippedOn, today(report))) {
			record(report, "SHIPPED", c.field(), c.oldValue(), c.newValue(), "release " + report.fixRelease()
					+ " shipped", me.accountId(), now);
		}
		report.touched(now);
		tellShipped(report, now);
		return view(report);
	}

	@Transactional(readOnly = true)
	public ReportView get(DeskPrincipal me, String number) {
		return view(staffReport(me, number));
	}

	@Transactional(readOnly = true)
	public List<ReportView> list(DeskPrincipal me, String programKey, DeficiencyStatus status, Integer limit) {
		Program program = staff(me, programKey);
		Limit l = Limit.of(limit == null ? 200 : Math.max(1, Math.min(limit, 1000)));
		return (status == null ? reports.findByProgramIdOrderByRaisedAtDescIdDesc(program.id(), l)
				: reports.findByProgramIdAndStatusOrderByRaisedAtDescIdDesc(program.id(), status, l))
			.stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public List<HistoryView> history(DeskPrincipal me, String number) {
		DeficiencyReport report = staffReport(me, number);
		List<DeficiencyHistory> found = history.of(report.id());
		var people = accounts.byIds(found.stream().map(DeficiencyHistory::actorId).distinct().toList());
		return found.stream().map(h -> new HistoryView(h.action(), h.field(), h.oldValue(), h.newValue(), h.reason(),
				people.containsKey(h.actorId()) ? people.get(h.actorId()).displayName() : "Tierdesk", h.occurredAt()))
			.toList();
	}

	/** The reports a ticket is gathered under (desk staff who may see the ticket). */
	@Transactional(readOnly = true)
	public List<ReportView> ofTicket(DeskPrincipal me, String ticketNumber) {
		TicketFacts t = tickets.facts(me, ticketNumber);
		List<Long> ids = links.findByTicketId(t.id()).stream().map(DeficiencyLink::reportId).toList();
		return ids.isEmpty() ? List.of() : reports.findByIdIn(ids).stream().map(this::view).toList();
	}

	/**
	 * The known errors for a system (and a version, when the customer names one): open reports whose fix has not
	 * shipped, with their workaround. Desk staff and the program's customers (it is what Tier 0 tells them).
	 */
	@Transactional(readOnly = true)
	public List<KnownError> knownErrors(DeskPrincipal me, String programKey, String system, String version) {
		Program program = programs.visibleTo(me, programKey);
		return knownErrors(program.id(), system, version);
	}

	/** The known errors for a system and version of a program, for intake and the ticket workspace. */
	@Transactional(readOnly = true)
	public List<KnownError> knownErrors(long programId, String system, String version) {
		if (system == null || system.isBlank()) {
			return List.of();
		}
		return knownErrors(programId, system, directory.lookUp(programId, system), version);
	}

	/** Like {@link #knownErrors(long, String, String)}, with the directory's entry for the system already looked up. */
	List<KnownError> knownErrors(long programId, String system, Optional<SystemInfo> known, String version) {
		Set<String> names = new LinkedHashSet<>();
		names.add(system.strip().toLowerCase(Locale.ROOT));
		known.ifPresent(s -> {
			names.add(s.name().toLowerCase(Locale.ROOT));
			s.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
		});
		String v = version == null || version.isBlank() ? null : version.strip();
		return openKnownErrors.get(programId, this::openKnownErrorsOf).stream()
			.filter(e -> names.contains(e.system().toLowerCase(Locale.ROOT)))
			.filter(e -> v == null || e.versionFound().equalsIgnoreCase(v))
			.toList();
	}

	private List<KnownError> openKnownErrorsOf(long programId) {
		return reports.findOpenKnownErrors(programId).stream()
			.map(r -> new KnownError(r.number(), r.title(), r.systemName(), r.versionFound(), r.severity(), r.status(),
					r.workaround(), r.fixRelease(), r.fixPlannedOn()))
			.toList();
	}

	/** Feedback analysis of a problem fix (only once its release has shipped). */
	@Transactional(readOnly = true)
	public FixFeedback feedback(DeskPrincipal me, String number) {
		DeficiencyReport r = staffReport(me, number);
		if (r.fixShippedOn() == null) {
			throw new RuleViolationException("status", number + " has no shipped fix yet: feedback on a fix starts "
					+ "when its release ships");
		}
		ZoneId zone = programs.byId(r.programId()).timeZone();
		Instant shipped = r.fixShippedOn().atStartOfDay(zone).toInstant();
		Instant now = clock.instant().plusNanos(1); // up to and including this instant
		long days = Math.max(1, Duration.between(shipped, now).toDays());
		Instant before = shipped.minus(Duration.ofDays(days));
		Set<String> names = new LinkedHashSet<>(List.of(r.systemName()));
		directory.lookUp(r.programId(), r.systemName()).ifPresent(s -> names.addAll(s.aliases()));
		List<DeficiencyLink> linked = links.findByReportIdOrderByLinkedAt(r.id());
		long reopened = tickets.reopenedSince(linked.stream().map(DeficiencyLink::ticketId).toList(), shipped);
		long foundBefore = tickets.countOpenedOn(r.programId(), names, r.versionFound(), before, shipped);
		long foundSince = tickets.countOpenedOn(r.programId(), names, r.versionFound(), shipped, now);
		long onFix = tickets.countOpenedOn(r.programId(), names, r.fixRelease(), shipped, now);
		String verdict = reopened > 0 || onFix > 0
				? "look again: " + reopened + " linked ticket(s) reopened and " + onFix + " new on " + r.fixRelease()
						+ " since the fix shipped"
				: foundSince < foundBefore ? "the fix holds: new tickets on " + r.versionFound() + " fell from "
						+ foundBefore + " to " + foundSince + " and none came in on " + r.fixRelease()
						: "no reopened tickets and none on " + r.fixRelease() + "; " + foundSince + " new on "
								+ r.versionFound() + " (customers not upgraded yet?)";
		var satisfaction = surveys.summaryOfTickets(linked.stream().map(DeficiencyLink::ticketId).toList());
		return new FixFeedback(r.number(), r.systemName(), r.versionFound(), r.fixRelease(), r.fixShippedOn(), days,
				linked.size(), reopened, foundBefore, foundSince, onFix, satisfaction.averageScore(),
				satisfaction.answered(), verdict);
	}

	// -- rules of the module ------------------------------------------------------------------------------------

	private void link(DeficiencyReport report, List<TicketFacts> found, long actorId, Instant now) {
		for (TicketFacts t : found) {
			if (links.existsByReportIdAndTicketId(report.id(), t.id())) {
				continue;
			}
			DeficiencyLink link = links.save(new DeficiencyLink(report.id(), t.id(), t.number(), actorId, now));
			record(report, "TICKET_ATTACHED", "ticket", null, t.number(), null, actorId, now);
			if (report.shipped()) {
				tell(report, link, now);
			}
			else if (report.workaround() != null && !report.status().ended()) {
				tickets.noteAsSystem(t.id(), "Known error " + report.number() + " (" + report.systemName() + " "
						+ report.versionFound() + "): " + report.title() + "\nWorkaround: " + report.workaround());
			}
		}
	}

	private void tellShipped(DeficiencyReport report, Instant now) {
		int told = 0;
		for (DeficiencyLink link : links.findByReportIdOrderByLinkedAt(report.id())) {
			told += tell(report, link, now) ? 1 : 0;
		}
		record(report, "FIX_NOTICES_SENT", null, null, String.valueOf(told), told + " linked ticket(s) told of release "
				+ report.fixRelease(), 0, now);
	}

	/** Tells one linked ticket's customer and owner of the shipped fix, unless someone (anywhere) already did. */
	private boolean tell(DeficiencyReport report, DeficiencyLink link, Instant now) {
		if (links.claimNotice(link.id(), now) == 0) {
			return false;
		}
		link.notified(now);
		TicketFacts t = tickets.facts(link.ticketId()).orElse(null);
		if (t == null) {
			return false;
		}
		String subject = t.number() + ": fixed in " + report.systemName() + " " + report.fixRelease();
		String text = "The fault behind your request (" + report.number() + ", " + report.title() + ") is fixed in "
				+ report.systemName() + " release " + report.fixRelease() + ", released on " + report.fixShippedOn()
				+ ". Installing that release resolves it.";
		if (!tickets.tellAsSystem(t.id(), text)) {
			// the ticket has ended: its customer still hears of the fix, by mail
			notifications.send(new Notifications.Notice(t.programId(), t.id(), t.requesterId(), Channel.EMAIL,
					"dr-fix:" + link.id() + ":customer", subject, text));
		}
		if (t.ownerId() != null) {
			notifications.send(new Notifications.Notice(t.programId(), t.id(), t.ownerId(), Channel.EMAIL,
					"dr-fix:" + link.id() + ":owner", subject, "Ticket " + t.number() + " you own is gathered under "
							+ report.number() + ". " + text));
		}
		return true;
	}

	private List<TicketFacts> ticketsOf(DeskPrincipal me, Program program, List<String> numbers) {
		List<TicketFacts> found = new ArrayList<>();
		for (String n : numbers == null ? List.<String>of() : numbers) {
			if (n == null || n.isBlank()) {
				continue;
			}
			TicketFacts t;
			try {
				t = tickets.facts(me, n.strip());
			}
			catch (NotFoundException | ForbiddenException e) {
				throw new InvalidFieldException("tickets", "no ticket " + n.strip() + " you may work on");
			}
			if (t.programId() != program.id()) {
				throw new InvalidFieldException("tickets", "ticket " + t.number() + " belongs to another program");
			}
			found.add(t);
		}
		return found;
	}

	private void record(DeficiencyReport report, String action, String field, String oldValue, String newValue,
			String reason, long actorId, Instant now) {
		org.tierdesk.system.AfterCommit.forgetNowAndAtEnd(() -> openKnownErrors.invalidate(report.programId()));
		history.save(new DeficiencyHistory(report.id(), action, field, oldValue, newValue, reason, actorId, now));
	}

	private Program staff(DeskPrincipal me, String programKey) {
		return programs.forStaff(me, programKey, "only the program's desk staff work on deficiency reports");
	}

	private DeficiencyReport staffReport(DeskPrincipal me, String number) {
		DeficiencyReport report = reports.findByNumber(number == null ? "" : number.strip().toUpperCase(Locale.ROOT))
			.filter(r -> me.actsIn(r.programId()))
			.orElseThrow(() -> new NotFoundException("no deficiency report " + number));
		if (!me.staffOf(report.programId())) {
			throw new ForbiddenException("only the program's desk staff work on deficiency reports");
		}
		return report;
	}

	private LocalDate today(DeficiencyReport report) {
		return LocalDate.ofInstant(clock.instant(), programs.byId(report.programId()).timeZone());
	}

	private static String authorityText(AuthorityInfo a) {
		return a.group() + (a.contact() == null ? "" : " (" + a.contact() + ")") + " — tier " + a.tier();
	}

	private ReportView view(DeficiencyReport r) {
		Map<Long, Accounts.Person> people = accounts.byIds(List.of(r.raisedBy()));
		return new ReportView(r.number(), programs.byId(r.programId()).key(), r.systemName(), r.versionFound(),
				r.severity(), r.title(), r.description(), r.steps(), r.workaround(), r.authority(), r.status(),
				r.status().next(), r.fixRelease(), r.fixPlannedOn(), r.fixShippedOn(), r.duplicateOf(), r.knownError(),
				people.containsKey(r.raisedBy()) ? people.get(r.raisedBy()).displayName() : null, r.raisedAt(),
				r.updatedAt(), r.version(),
				links.findByReportIdOrderByLinkedAt(r.id()).stream()
					.map(l -> new LinkedTicket(l.ticketNumber(), l.linkedAt(), l.notifiedAt())).toList(),
				r.lessonSummary());
	}
}
