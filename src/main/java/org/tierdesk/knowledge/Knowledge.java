package org.tierdesk.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.knowledge.Article.Content;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StaleVersionException;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.TicketViews.TicketView;
import org.tierdesk.ticket.Tickets;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/**
 * The knowledge base of each program: articles written by the desk, validated and authorized by the cognizant
 * authority of the systems they are about (as the directory names it), published, used to resolve tickets, rated, and
 * retired. Customers and Tier 1 are only ever shown published articles whose current revision was validated and that
 * have not expired.
 */
@Service
@Transactional
public class Knowledge {

	private final ArticleRepository articles;

	private final RevisionRepository revisions;

	private final WorkflowEventRepository events;

	private final Programs programs;

	private final Directory directory;

	private final SupportGroups groups;

	private final Accounts accounts;

	private final Tickets tickets;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final org.tierdesk.system.Sequences sequences;

	Knowledge(ArticleRepository articles, RevisionRepository revisions, WorkflowEventRepository events,
			Programs programs, Directory directory, SupportGroups groups, Accounts accounts, Tickets tickets,
			JdbcTemplate jdbc, Clock clock, org.tierdesk.system.Sequences sequences) {
		this.articles = articles;
		this.revisions = revisions;
		this.events = events;
		this.programs = programs;
		this.directory = directory;
		this.groups = groups;
		this.accounts = accounts;
		this.tickets = tickets;
		this.jdbc = jdbc;
		this.clock = clock;
		this.sequences = sequences;
	}

	/** An article as its reader may see it. */
	public record ArticleView(long id, String number, long version, String program, String title, String problem,
			String symptoms, String cause, String solution, String keywords, Map<String, String> systems,
			Audience audience, Integer internalTier, ArticleStatus status, int revision, LocalDate reviewDue,
			LocalDate expiresOn, String author, String validatedBy, Instant validatedAt, Instant publishedAt,
			boolean answers, boolean flaggedForReview, int helpful, int notHelpful, int ticketLinks, Instant updatedAt) {
	}

	public record RevisionView(int revision, String changedBy, Instant changedAt, String reason) {
	}

	public record StepView(String action, String actor, Instant at, int revision, String note) {
	}

	// -- writing ---------------------------------------------------------------------------------------------------

	public ArticleView write(DeskPrincipal me, String programKey, Content content) {
		Program p = programs.forStaff(me, programKey, "the program's desk staff write its articles");
		return view(create(me, p, content, null), me);
	}

	/** A draft from a resolved ticket in one step: its problem, facts and resolution; then the usual validation. */
	public ArticleView fromTicket(DeskPrincipal me, String ticketNumber) {
		TicketView t = tickets.get(me, ticketNumber);
		Program p = programs.forStaff(me, t.program(), "the program's desk staff write its articles");
		if (t.resolution() == null || (t.status() != TicketStatus.RESOLVED && t.status() != TicketStatus.CLOSED)) {
			throw new RuleViolationException("ticket", "only a resolved ticket becomes an article");
		}
		Map<String, String> systems = new java.util.LinkedHashMap<>();
		if (t.facts() != null && t.facts().affectedSystem() != null) {
			systems.put(t.facts().affectedSystem(), t.facts().affectedVersion());
		}
		Content content = new Content(t.subject(), t.description(), null, null, t.resolution().solution()
				+ (t.resolution().fixRelease() == null ? "" : "\nFixed in release " + t.resolution().fixRelease()
						+ (t.resolution().fixReleaseDate() == null ? "" : " (" + t.resolution().fixReleaseDate() + ")")),
				t.category(), systems, Audience.AGENTS, null, null, null);
		return view(create(me, p, content, t.id()), me);
	}

	private Article create(DeskPrincipal me, Program p, Content content, Long sourceTicket) {
		Instant now = clock.instant();
		long n = sequences.next("knowledge_number_seq");
		Article a = articles.save(Article.write(p.id(), String.format("KB-%06d", n), content, me.accountId(),
				sourceTicket, now));
		revisions.save(new Revision(a.id(), a.revision(), content.text(), me.accountId(), now,
				sourceTicket == null ? "written" : "written from a resolved ticket"));
		events.save(new WorkflowEvent(a.id(), "WRITTEN", me.accountId(), now, a.revision(), null));
		return a;
	}

	public ArticleView revise(DeskPrincipal me, String number, Long expectedVersion, Content content, String reason) {
		Article a = forStaff(me, number);
		checkVersion(a, expectedVersion);
		ArticleStatus before = a.status();
		Instant now = clock.instant();
		if (a.revise(content, now)) {
			revisions.save(new Revision(a.id(), a.revision(), content.text(), me.accountId(), now, reason));
			events.save(new WorkflowEvent(a.id(), "REVISED", me.accountId(), now, a.revision(),
					before == ArticleStatus.DRAFT ? reason
							: "back to draft from " + before + (reason == null ? "" : ": " + reason)));
		}
		return view(a, me);
	}

	// -- the workflow ----------------------------------------------------------------------------------------------

	public ArticleView submit(DeskPrincipal me, String number, Long expectedVersion) {
		Article a = forStaff(me, number);
		checkVersion(a, expectedVersion);
		a.submit(clock.instant());
		step(a, "SUBMITTED", me, null);
		return view(a, me);
	}

	/** Validation and authorization: only a person of a cognizant authority of the article's systems, not its author. */
	public ArticleView validate(DeskPrincipal me, String number, Long expectedVersion, String note) {
		Article a = forStaff(me, number);
		checkVersion(a, expectedVersion);
		requireAuthority(me, a);
		a.validate(me.accountId(), clock.instant());
		step(a, "VALIDATED", me, note);
		return view(a, me);
	}

	public ArticleView sendBack(DeskPrincipal me, String number, Long expectedVersion, String note) {
		Article a = forStaff(me, number);
		checkVersion(a, expectedVersion);
		requireAuthority(me, a);
		if (note == null || note.isBlank()) {
			throw new InvalidFieldException("note", "tell the author what to change");
		}
		a.sendBack(clock.instant());
		step(a, "SENT_BACK", me, note.strip());
		return view(a, me);
	}

	public ArticleView publish(DeskPrincipal me, String number, Long expectedVersion) {
		Article a = forStaff(me, number);
		checkVersion(a, expectedVersion);
		requireManagerOrAuthority(me, a);
		a.publish(clock.instant());
		step(a, "PUBLISHED", me, null);
		return view(a, me);
	}

	public ArticleView retire(DeskPrincipal me, String number, Long expectedVersion, String reason) {
		Article a = forStaff(me, number);
		checkVersion(a, expectedVersion);
		requireManagerOrAuthority(me, a);
		a.retire(clock.instant());
		step(a, "RETIRED", me, reason);
		return view(a, me);
	}

	// -- use -------------------------------------------------------------------------------------------------------

	/** "Used to resolve": the article answered this ticket (desk staff, only articles that are answers). */
	public ArticleView link(DeskPrincipal me, String number, String ticketNumber) {
		Article a = forStaff(me, number);
		TicketView t = tickets.get(me, ticketNumber);
		if (programs.byKey(t.program()).id() != a.programId()) {
			throw new InvalidFieldException("ticket", "the ticket is of another program");
		}
		if (!a.answers(today(a))) {
			throw new RuleViolationException("status", "only a published, validated article is used to resolve tickets");
		}
		try {
			jdbc.update("insert into knowledge_ticket_link (article_id, ticket_id, linked_by, linked_at) values (?, ?, ?, ?)",
					a.id(), t.id(), me.accountId(), java.sql.Timestamp.from(clock.instant()));
			a.linked();
		}
		catch (DuplicateKeyException already) {
			// linked before: once is enough
		}
		return view(a, me);
	}

	/** Helpful or not, once per reader (a second answer replaces the first). */
	public ArticleView feedback(DeskPrincipal me, String number, boolean helpful) {
		Article a = readable(me, number);
		List<Boolean> before = jdbc.queryForList(
				"select helpful from knowledge_feedback where article_id = ? and account_id = ?", Boolean.class, a.id(),
				me.accountId());
		if (before.isEmpty()) {
			jdbc.update("insert into knowledge_feedback (article_id, account_id, helpful, at) values (?, ?, ?, ?)",
					a.id(), me.accountId(), helpful, java.sql.Timestamp.from(clock.instant()));
		}
		else {
			jdbc.update("update knowledge_feedback set helpful = ?, at = ? where article_id = ? and account_id = ?",
					helpful, java.sql.Timestamp.from(clock.instant()), a.id(), me.accountId());
		}
		a.feedback(before.isEmpty() ? null : before.get(0), helpful);
		return view(a, me);
	}

	// -- reading ---------------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public ArticleView get(DeskPrincipal me, String number) {
		return view(readable(me, number), me);
	}

	/** The program's articles a reader may see, newest change first (staff: every status). */
	@Transactional(readOnly = true)
	public List<ArticleView> list(DeskPrincipal me, String programKey, ArticleStatus status) {
		Program p = programs.visibleTo(me, programKey);
		return articles.findByProgramIdOrderByUpdatedAtDesc(p.id()).stream()
			.filter(a -> status == null || a.status() == status).filter(a -> mayRead(me, a))
			.map(a -> view(a, me)).toList();
	}

	@Transactional(readOnly = true)
	public List<RevisionView> revisions(DeskPrincipal me, String number) {
		Article a = forStaff(me, number);
		List<Revision> all = revisions.findByArticleIdOrderByRevisionAsc(a.id());
		Map<Long, Accounts.Person> people = accounts.byIds(all.stream().map(Revision::changedBy).toList());
		return all.stream().map(r -> new RevisionView(r.revision(), name(people, r.changedBy()), r.changedAt(),
				r.reason())).toList();
	}

	@Transactional(readOnly = true)
	public List<StepView> workflow(DeskPrincipal me, String number) {
		Article a = forStaff(me, number);
		List<WorkflowEvent> all = events.findByArticleIdOrderByIdAsc(a.id());
		Map<Long, Accounts.Person> people = accounts.byIds(all.stream().map(WorkflowEvent::actorId).toList());
		return all.stream().map(e -> new StepView(e.action(), name(people, e.actorId()), e.at(), e.revision(),
				e.note())).toList();
	}

	/** Two revisions compared as a unified diff (desk staff). */
	@Transactional(readOnly = true)
	public List<String> diff(DeskPrincipal me, String number, int from, int to) {
		Article a = forStaff(me, number);
		Revision older = revisions.findByArticleIdAndRevision(a.id(), from)
			.orElseThrow(() -> new InvalidFieldException("from", "no revision " + from));
		Revision newer = revisions.findByArticleIdAndRevision(a.id(), to)
			.orElseThrow(() -> new InvalidFieldException("to", "no revision " + to));
		List<String> left = Arrays.asList(older.content().split("\n", -1));
		List<String> right = Arrays.asList(newer.content().split("\n", -1));
		return UnifiedDiffUtils.generateUnifiedDiff(a.number() + " revision " + from, a.number() + " revision " + to,
				left, DiffUtils.diff(left, right), 2);
	}

	/** Whether this reader may see the article at all. */
	boolean mayRead(DeskPrincipal me, Article a) {
		if (!me.actsIn(a.programId())) {
			return false;
		}
		LocalDate today = today(a);
		if (me.staffOf(a.programId())) {
			if (a.audience() == Audience.INTERNAL && a.answers(today) && !me.manages(a.programId())) {
				return highestTier(me, a.programId()) >= a.internalTier();
			}
			return true;
		}
		return me.has(Role.CUSTOMER) && a.audience() == Audience.PUBLIC && a.answers(today);
	}

	private int highestTier(DeskPrincipal me, long programId) {
		return groups.groupsOf(me.accountId()).values().stream().filter(g -> g.programId() == programId)
			.mapToInt(GroupInfo::tier).max().orElse(0);
	}

	private Article readable(DeskPrincipal me, String number) {
		Article a = articles.findByNumber(number == null ? "" : number.strip())
			.orElseThrow(() -> new NotFoundException("no article " + number));
		if (!mayRead(me, a)) {
			throw new NotFoundException("no article " + number);
		}
		return a;
	}

	private Article forStaff(DeskPrincipal me, String number) {
		Article a = readable(me, number);
		if (!me.staffOf(a.programId())) {
			throw new NotFoundException("no article " + number);
		}
		return a;
	}

	/** The groups the directory names as cognizant authorities (any tier) of the article's systems. */
	Set<Long> authorityGroups(Article a) {
		Set<Long> ids = new HashSet<>();
		for (String system : a.systems().keySet()) {
			Optional<Directory.SystemInfo> info = directory.lookUp(a.programId(), system);
			info.ifPresent(i -> i.authorities().forEach(auth -> ids.add(auth.groupId())));
		}
		return ids;
	}

	private void requireAuthority(DeskPrincipal me, Article a) {
		Set<Long> authorities = authorityGroups(a);
		if (authorities.isEmpty()) {
			throw new RuleViolationException("systems", "the directory names no cognizant authority for "
					+ a.systems().keySet() + ": add the systems and their authorities to the directory first");
		}
		boolean member = groups.groupsOf(me.accountId()).keySet().stream().anyMatch(authorities::contains);
		if (!member) {
			throw new ForbiddenException("only the cognizant authority of " + a.systems().keySet()
					+ " validates this article");
		}
	}

	private void requireManagerOrAuthority(DeskPrincipal me, Article a) {
		if (me.manages(a.programId())) {
			return;
		}
		requireAuthority(me, a);
	}

	private void step(Article a, String action, DeskPrincipal me, String note) {
		events.save(new WorkflowEvent(a.id(), action, me.accountId(), clock.instant(), a.revision(),
				note == null || note.isBlank() ? null : note.strip()));
	}

	private static void checkVersion(Article a, Long expected) {
		if (expected != null && expected != a.version()) {
			throw new StaleVersionException("the article changed since version " + expected + " (now " + a.version() + ")");
		}
	}

	private LocalDate today(Article a) {
		return LocalDate.ofInstant(clock.instant(), programs.byId(a.programId()).timeZone());
	}

	ArticleView view(Article a, DeskPrincipal me) {
		Map<Long, Accounts.Person> people = accounts.byIds(new ArrayList<>(java.util.stream.Stream
			.of(a.authorId(), a.validatedBy()).filter(java.util.Objects::nonNull).toList()));
		LocalDate today = today(a);
		boolean staff = me.staffOf(a.programId());
		return new ArticleView(a.id(), a.number(), a.version(), programs.byId(a.programId()).key(), a.title(),
				a.problem(), a.symptoms(), a.cause(), a.solution(), a.keywords(), a.systems(), a.audience(),
				a.internalTier(), a.status(), a.revision(), staff ? a.reviewDue() : null, a.expiresOn(),
				staff ? name(people, a.authorId()) : null,
				staff && a.validatedBy() != null ? name(people, a.validatedBy()) : null, a.validatedAt(), a.publishedAt(),
				a.answers(today), staff && a.flaggedForReview(today), a.helpful(), a.notHelpful(), a.ticketLinks(),
				a.updatedAt());
	}

	private static String name(Map<Long, Accounts.Person> people, long id) {
		Accounts.Person p = people.get(id);
		return p == null ? "#" + id : p.displayName();
	}
}
