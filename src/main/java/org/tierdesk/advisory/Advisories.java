package org.tierdesk.advisory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.advisory.Advisory.Content;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.Directory.SystemInfo;
import org.tierdesk.entitlement.Entitlements;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.intake.Notifications;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;
import org.tierdesk.system.Sequences;
import org.tierdesk.ticket.Channel;

/**
 * Advisory notices and heads-up messages: the desk staff of a program write them, a manager of the program who did
 * not write one approves it, a manager publishes it — which resolves its audience once (customers by the installed
 * base, agents by program) and delivers it by the portal banner or console, email and SMS text through the outbox.
 * Recipients acknowledge; those who have not are reminded until the advisory's reminders run out, it expires or it is
 * withdrawn.
 */
@Service
@Transactional
public class Advisories {

	/** An advisory as the desk sees it (recipients see {@link Notice}). */
	public record AdvisoryView(String number, String program, AdvisoryKind kind, AdvisoryAudience audience,
			String severity, String title, String body, List<String> systems, List<String> versions,
			List<String> sites, List<String> organizations, boolean byEmail, boolean bySms,
			boolean requiresAcknowledgement, Integer remindEveryHours, int maxReminders, Instant expiresAt,
			AdvisoryStatus status, boolean inForce, String author, String approvedBy, Instant approvedAt,
			Instant publishedAt, Instant withdrawnAt, long version, Tally tally) {
	}

	/** How far an advisory reached: recipients, and how many acknowledged. */
	public record Tally(int customers, int agents, int acknowledged) {
	}

	/** What a recipient sees: the advisory in force and whether they acknowledged it. */
	public record Notice(String number, String program, AdvisoryKind kind, String severity, String title, String body,
			Instant publishedAt, Instant expiresAt, boolean requiresAcknowledgement, Instant acknowledgedAt) {

		public boolean pending() {
			return requiresAcknowledgement && acknowledgedAt == null;
		}
	}

	public record RecipientView(String name, String organization, String site, boolean agent, Instant deliveredAt,
			Instant acknowledgedAt, int remindersSent) {
	}

	public record HistoryView(String action, String detail, String actor, Instant at) {
	}

	private final AdvisoryRepository advisories;

	private final RecipientRepository recipients;

	private final AdvisoryHistoryRepository history;

	private final Programs programs;

	private final Directory directory;

	private final Entitlements entitlements;

	private final Accounts accounts;

	private final Notifications notifications;

	private final Sequences sequences;

	private final Clock clock;

	private final String publicUrl;

	Advisories(AdvisoryRepository advisories, RecipientRepository recipients, AdvisoryHistoryRepository history,
			Programs programs, Directory directory, Entitlements entitlements, Accounts accounts,
			Notifications notifications, Sequences sequences, Clock clock,
			@Value("${tierdesk.public-url:http://localhost:8080}") String publicUrl) {
		this.advisories = advisories;
		this.recipients = recipients;
		this.history = history;
		this.programs = programs;
		this.directory = directory;
		this.entitlements = entitlements;
		this.accounts = accounts;
		this.notifications = notifications;
		this.sequences = sequences;
		this.clock = clock;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	public AdvisoryView write(DeskPrincipal me, String programKey, AdvisoryForm form) {
		Content content = form.content();
		Program program = programs.forStaff(me, programKey, "only the program's desk staff write advisories");
		Instant now = clock.instant();
		Advisory a = advisories.save(Advisory.write(program.id(),
				String.format("ADV-%06d", sequences.next("advisory_number_seq")), known(program, content), me.accountId(),
				now));
		record(a, "WRITTEN", a.title(), me, now);
		return view(a);
	}

	public AdvisoryView revise(DeskPrincipal me, String number, Long expectedVersion, AdvisoryForm form) {
		Content content = form.content();
		Advisory a = staffAdvisory(me, number);
		a.requireVersion(expectedVersion);
		Instant now = clock.instant();
		a.revise(known(programs.byId(a.programId()), content), now);
		record(a, "REVISED", "back to draft", me, now);
		return view(a);
	}

	public AdvisoryView submit(DeskPrincipal me, String number, Long expectedVersion) {
		Advisory a = staffAdvisory(me, number);
		a.requireVersion(expectedVersion);
		Instant now = clock.instant();
		a.submit(now);
		record(a, "SUBMITTED", null, me, now);
		return view(a);
	}

	public AdvisoryView approve(DeskPrincipal me, String number, Long expectedVersion, String note) {
		Advisory a = managedAdvisory(me, number);
		a.requireVersion(expectedVersion);
		Instant now = clock.instant();
		a.approve(me.accountId(), now);
		record(a, "APPROVED", note, me, now);
		return view(a);
	}

	/** Publishes an approved advisory and delivers it to its audience, resolved now. */
	public AdvisoryView publish(DeskPrincipal me, String number, Long expectedVersion) {
		Advisory a = managedAdvisory(me, number);
		a.requireVersion(expectedVersion);
		Instant now = clock.instant();
		a.publish(now);
		Map<Long, Boolean> audience = audienceOf(a);
		Instant firstReminder = a.requiresAck() && a.remindEveryHours() != null && a.maxReminders() > 0
				? now.plus(Duration.ofHours(a.remindEveryHours())) : null;
		for (Map.Entry<Long, Boolean> person : audience.entrySet()) {
			recipients.save(new Recipient(a.id(), person.getKey(), person.getValue(), now, firstReminder));
			deliver(a, person.getKey(), "adv:" + a.id(), "");
		}
		long agents = audience.values().stream().filter(Boolean::booleanValue).count();
		record(a, "PUBLISHED", (audience.size() - agents) + " customer(s), " + agents + " agent(s)", me, now);
		return view(a);
	}

	public AdvisoryView withdraw(DeskPrincipal me, String number, Long expectedVersion, String reason) {
		Advisory a = managedAdvisory(me, number);
		a.requireVersion(expectedVersion);
		if (reason == null || reason.isBlank()) {
			throw new InvalidFieldException("reason", "say why the advisory is withdrawn");
		}
		Instant now = clock.instant();
		a.withdraw(now);
		record(a, "WITHDRAWN", reason.strip(), me, now);
		return view(a);
	}

	/** The recipient acknowledges the advisory (again is harmless). */
	public Notice acknowledge(DeskPrincipal me, String number) {
		Advisory a = advisories.findByNumber(key(number)).orElseThrow(() -> notFound(number));
		Recipient r = recipients.findByAdvisoryIdAndAccountId(a.id(), me.accountId())
			.orElseThrow(() -> notFound(number));
		Instant now = clock.instant();
		if (r.acknowledge(now)) {
			history.save(new AdvisoryHistory(a.id(), "ACKNOWLEDGED", null, me.accountId(), now));
		}
		return notice(a, r);
	}

	/** The advisories in force that reached me, newest first: the portal banner and the console's pinned list. */
	@Transactional(readOnly = true)
	public List<Notice> mine(DeskPrincipal me) {
		Instant now = clock.instant();
		Map<Long, Recipient> mine = new LinkedHashMap<>();
		recipients.findByAccountIdOrderByDeliveredAtDesc(me.accountId(), Limit.of(200))
			.forEach(r -> mine.put(r.advisoryId(), r));
		if (mine.isEmpty()) {
			return List.of();
		}
		Map<Long, Advisory> byId = new LinkedHashMap<>();
		advisories.findByIdIn(mine.keySet()).forEach(a -> byId.put(a.id(), a));
		return mine.values().stream().map(r -> byId.get(r.advisoryId()))
			.filter(a -> a != null && a.inForce(now) && me.actsIn(a.programId()))
			.map(a -> notice(a, mine.get(a.id()))).toList();
	}

	/** One advisory: the desk sees it whole; a recipient sees it while it is in force. */
	@Transactional(readOnly = true)
	public Object get(DeskPrincipal me, String number) {
		Advisory a = advisories.findByNumber(key(number)).filter(x -> me.actsIn(x.programId()))
			.orElseThrow(() -> notFound(number));
		if (me.staffOf(a.programId())) {
			return view(a);
		}
		return recipientNotice(me, a);
	}

	/** What a recipient sees of one advisory in force that reached them. */
	@Transactional(readOnly = true)
	public Notice notice(DeskPrincipal me, String number) {
		Advisory a = advisories.findByNumber(key(number)).filter(x -> me.actsIn(x.programId()))
			.orElseThrow(() -> notFound(number));
		return recipientNotice(me, a);
	}

	private Notice recipientNotice(DeskPrincipal me, Advisory a) {
		Recipient r = recipients.findByAdvisoryIdAndAccountId(a.id(), me.accountId())
			.orElseThrow(() -> notFound(a.number()));
		if (!a.inForce(clock.instant())) {
			throw notFound(a.number());
		}
		return notice(a, r);
	}

	@Transactional(readOnly = true)
	public List<AdvisoryView> list(DeskPrincipal me, String programKey) {
		Program program = programs.forStaff(me, programKey, "only the program's desk staff list its advisories");
		return advisories.findByProgramIdOrderByCreatedAtDescIdDesc(program.id(), Limit.of(200)).stream()
			.map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public List<RecipientView> recipients(DeskPrincipal me, String number) {
		Advisory a = staffAdvisory(me, number);
		List<Recipient> found = recipients.findByAdvisoryIdOrderById(a.id());
		Map<Long, Person> people = accounts.byIds(found.stream().map(Recipient::accountId).toList());
		return found.stream().map(r -> {
			Person p = people.get(r.accountId());
			return new RecipientView(p == null ? "#" + r.accountId() : p.displayName(),
					p == null ? null : p.organization(), p == null ? null : p.site(), r.asAgent(), r.deliveredAt(),
					r.acknowledgedAt(), r.remindersSent());
		}).toList();
	}

	@Transactional(readOnly = true)
	public List<HistoryView> history(DeskPrincipal me, String number) {
		Advisory a = staffAdvisory(me, number);
		List<AdvisoryHistory> found = history.findByAdvisoryIdOrderByOccurredAtAscIdAsc(a.id());
		Map<Long, Person> people = accounts.byIds(found.stream().map(AdvisoryHistory::actorId).distinct().toList());
		return found.stream().map(h -> new HistoryView(h.action(), h.detail(),
				people.containsKey(h.actorId()) ? people.get(h.actorId()).displayName() : "Tierdesk", h.occurredAt()))
			.toList();
	}

	/**
	 * Sends the reminders that are due, each claimed in the database first so that of several instances exactly one
	 * sends it. Stops at the advisory's last reminder, its expiry or its withdrawal.
	 *
	 * @return how many reminders were sent
	 */
	public int remindDue(int batch) {
		Instant now = clock.instant();
		int sent = 0;
		Map<Long, Advisory> cache = new LinkedHashMap<>();
		for (Recipient r : recipients.findDueReminders(now, Limit.of(batch))) {
			Advisory a = cache.computeIfAbsent(r.advisoryId(), id -> advisories.findById(id).orElse(null));
			boolean more = a != null && a.inForce(now) && r.remindersSent() + 1 < a.maxReminders()
					&& a.remindEveryHours() != null;
			Instant next = more ? now.plus(Duration.ofHours(a.remindEveryHours())) : null;
			if (recipients.claimReminder(r.id(), r.remindersSent(), next) == 0 || a == null || !a.inForce(now)) {
				continue;
			}
			int n = r.remindersSent() + 1;
			deliver(a, r.accountId(), "adv:" + a.id() + ":reminder:" + n, "Reminder " + n + ": ");
			history.save(new AdvisoryHistory(a.id(), "REMINDED", "reminder " + n, r.accountId(), now));
			sent++;
		}
		return sent;
	}

	// -- rules of the module ------------------------------------------------------------------------------------

	/** Who the advisory reaches: person → whether as an agent. */
	private Map<Long, Boolean> audienceOf(Advisory a) {
		Map<Long, Boolean> audience = new LinkedHashMap<>();
		if (a.audience().customers()) {
			List<Reach.Customer> customers = accounts.inProgram(a.programId(), Role.CUSTOMER).stream()
				.map(p -> new Reach.Customer(p.id(), p.organization(), p.site())).toList();
			List<Reach.Installed> base = a.targets(Target.Kind.SYSTEM).isEmpty() ? List.of()
					: entitlements.installedBase(a.programId()).stream()
						.map(x -> new Reach.Installed(x.system(), x.version(), x.organization(), x.site())).toList();
			List<Set<String>> systems = new ArrayList<>();
			for (String s : a.targets(Target.Kind.SYSTEM)) {
				Set<String> names = new LinkedHashSet<>(List.of(s));
				directory.lookUp(a.programId(), s).ifPresent(info -> names.addAll(info.aliases()));
				systems.add(names);
			}
			Reach.customers(customers, base, systems, Set.copyOf(a.targets(Target.Kind.VERSION)),
					Set.copyOf(a.targets(Target.Kind.SITE)), Set.copyOf(a.targets(Target.Kind.ORGANIZATION)))
				.forEach(id -> audience.put(id, false));
		}
		if (a.audience().agents()) {
			for (Role role : List.of(Role.AGENT, Role.PROGRAM_MANAGER)) {
				accounts.inProgram(a.programId(), role).forEach(p -> audience.putIfAbsent(p.id(), true));
			}
		}
		return audience;
	}

	private void deliver(Advisory a, long personId, String sourceKey, String prefix) {
		String subject = prefix + "[" + a.number() + "] " + a.title();
		String body = a.body() + "\n\n" + (a.requiresAck() ? "Please acknowledge: " : "Read it on the desk: ")
				+ publicUrl + "/advisories/" + a.number();
		if (a.byEmail()) {
			notifications.send(new Notifications.Notice(a.programId(), null, personId, Channel.EMAIL,
					sourceKey + ":email", subject, body));
		}
		if (a.bySms()) {
			notifications.send(new Notifications.Notice(a.programId(), null, personId, Channel.SMS,
					sourceKey + ":sms", subject, publicUrl + "/advisories/" + a.number()));
		}
	}

	/** The content with its systems as the directory names them; an unknown system is refused. */
	private Content known(Program program, Content c) {
		List<String> systems = new ArrayList<>();
		for (String s : c.systems() == null ? List.<String>of() : c.systems()) {
			if (s == null || s.isBlank()) {
				continue;
			}
			SystemInfo info = directory.lookUp(program.id(), s).orElseThrow(() -> new InvalidFieldException("systems",
					"the directory of " + program.key() + " lists no system " + s.strip()));
			systems.add(info.name());
		}
		return new Content(c.kind(), c.audience(), c.severity(), c.title(), c.body(), systems, c.versions(), c.sites(),
				c.organizations(), c.byEmail(), c.bySms(), c.requiresAcknowledgement(), c.remindEveryHours(),
				c.maxReminders(), c.expiresAt());
	}

	private Advisory staffAdvisory(DeskPrincipal me, String number) {
		Advisory a = advisories.findByNumber(key(number)).filter(x -> me.actsIn(x.programId()))
			.orElseThrow(() -> notFound(number));
		if (!me.staffOf(a.programId())) {
			throw new ForbiddenException("only the program's desk staff work on its advisories");
		}
		return a;
	}

	private Advisory managedAdvisory(DeskPrincipal me, String number) {
		Advisory a = staffAdvisory(me, number);
		if (!me.manages(a.programId())) {
			throw new ForbiddenException("only a manager of the program approves, publishes or withdraws advisories");
		}
		return a;
	}

	private void record(Advisory a, String action, String detail, DeskPrincipal me, Instant now) {
		history.save(new AdvisoryHistory(a.id(), action, detail, me.accountId(), now));
	}

	private static String key(String number) {
		return number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
	}

	private static NotFoundException notFound(String number) {
		return new NotFoundException("no advisory " + number);
	}

	private Notice notice(Advisory a, Recipient r) {
		return new Notice(a.number(), programs.byId(a.programId()).key(), a.kind(), a.severity().name(), a.title(),
				a.body(), a.publishedAt(), a.expiresAt(), a.requiresAck(), r.acknowledgedAt());
	}

	private AdvisoryView view(Advisory a) {
		List<Long> people = new ArrayList<>(List.of(a.authorId()));
		if (a.approvedBy() != null) {
			people.add(a.approvedBy());
		}
		Map<Long, Person> names = accounts.byIds(people);
		List<Recipient> reached = a.status() == AdvisoryStatus.DRAFT ? List.of()
				: recipients.findByAdvisoryIdOrderById(a.id());
		int agents = (int) reached.stream().filter(Recipient::asAgent).count();
		int acknowledged = (int) reached.stream().filter(r -> r.acknowledgedAt() != null).count();
		return new AdvisoryView(a.number(), programs.byId(a.programId()).key(), a.kind(), a.audience(),
				a.severity().name(), a.title(), a.body(), a.targets(Target.Kind.SYSTEM), a.targets(Target.Kind.VERSION),
				a.targets(Target.Kind.SITE), a.targets(Target.Kind.ORGANIZATION), a.byEmail(), a.bySms(),
				a.requiresAck(), a.remindEveryHours(), a.maxReminders(), a.expiresAt(), a.status(),
				a.inForce(clock.instant()), name(names, a.authorId()),
				a.approvedBy() == null ? null : name(names, a.approvedBy()), a.approvedAt(), a.publishedAt(),
				a.withdrawnAt(), a.version(), new Tally(reached.size() - agents, agents, acknowledged));
	}

	private static String name(Map<Long, Person> people, long id) {
		return people.containsKey(id) ? people.get(id).displayName() : "#" + id;
	}
}
