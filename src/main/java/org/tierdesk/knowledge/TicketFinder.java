package org.tierdesk.knowledge;

import java.util.List;

import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.ticket.Ticket;

import jakarta.persistence.EntityManager;

/**
 * Full-text search of a program's tickets for its desk staff: subject, description and the whole conversation (notes
 * included: the desk sees them), in English and Portuguese, typos forgiven, with highlighted snippets.
 */
@Service
@Transactional(readOnly = true)
public class TicketFinder {

	private static final String[] TEXT_EN = { "subject_en", "description_en", "entries.body_en" };

	private static final String[] TEXT_PT = { "subject_pt", "description_pt", "entries.body_pt" };

	private final EntityManager entityManager;

	private final Programs programs;

	private final org.tierdesk.ticket.Tickets tickets;

	TicketFinder(EntityManager entityManager, Programs programs, org.tierdesk.ticket.Tickets tickets) {
		this.tickets = tickets;
		this.entityManager = entityManager;
		this.programs = programs;
	}

	public record TicketHit(String number, String subject, String status, String snippet, float score) {
	}

	/**
	 * Tickets like one with this subject: subjects sharing half its words or more, the tickets sharing the most (and
	 * rarest) first.
	 */
	public List<TicketHit> similar(DeskPrincipal me, String programKey, String subject, int limit) {
		Program p = programs.forStaff(me, programKey, "the program's desk staff search its tickets");
		String q = subject == null ? "" : subject.replaceAll("[\"*|+~()-]", " ").strip();
		if (q.isEmpty()) {
			return List.of();
		}
		return find(p.id(), q.length() > 500 ? q.substring(0, 500) : q, false, Mode.ANY_WORD, Math.max(1,
				Math.min(limit, 50))).stream().map(TicketFinder::hit).toList();
	}

	/** Tickets like this one (by its subject), itself left out: the desk staff of its program. */
	public List<TicketHit> similarTo(DeskPrincipal me, String number, int limit) {
		var t = tickets.facts(me, number);
		return similar(me, programs.byId(t.programId()).key(), t.subject(), limit + 1).stream()
			.filter(h -> !h.number().equals(t.number())).limit(limit).toList();
	}

	private enum Mode {
		ALL_WORDS, ONE_TYPO_A_WORD, ANY_WORD
	}

	public List<TicketHit> search(DeskPrincipal me, String programKey, String text, boolean unfinishedOnly, Integer limit) {
		Program p = programs.forStaff(me, programKey, "the program's desk staff search its tickets");
		if (!me.staffOf(p.id())) {
			throw new ForbiddenException("the program's desk staff search its tickets");
		}
		String q = text == null ? "" : text.strip();
		if (q.isEmpty() || q.length() > 500) {
			throw new InvalidFieldException("text", "what to search for (at most 500 characters)");
		}
		int max = limit == null ? 20 : Math.max(1, Math.min(100, limit));
		boolean syntax = q.matches(".*[\"*|+~()].*") || q.matches("(^|.*\\s)-\\S.*");
		// every word (stemmed, either language) first; only when that finds nothing, forgive one typo a word
		List<List<?>> rows = find(p.id(), q, unfinishedOnly, Mode.ALL_WORDS, max);
		if (rows.isEmpty() && !syntax) {
			rows = find(p.id(), q, unfinishedOnly, Mode.ONE_TYPO_A_WORD, max);
		}
		return rows.stream().map(TicketFinder::hit).toList();
	}

	private static TicketHit hit(List<?> r) {
		return new TicketHit((String) r.get(0), (String) r.get(1), String.valueOf(r.get(2)),
				snippet(r.get(3), r.get(4), r.get(5)), (Float) r.get(6));
	}

	/**
	 * One search: the program (and unfinished statuses) as filters that do not score, the words as the scored part;
	 * hits are not counted past the first thousand, so the top ones come back without visiting every match.
	 */
	private List<List<?>> find(long programId, String q, boolean unfinishedOnly, Mode mode, int max) {
		return Search.session(entityManager).search(Ticket.class)
			.select(f -> f.composite().from(f.field("number", String.class), f.field("subject_en", String.class),
					f.field("status", org.tierdesk.ticket.TicketStatus.class), f.highlight("entries.body_en"),
					f.highlight("description_en"), f.highlight("subject_en"), f.score()).asList())
			.where(f -> {
				var query = f.bool().filter(f.match().field("programId").matching(programId));
				if (unfinishedOnly) {
					query = query.filter(f.terms().field("status").matchingAny(org.tierdesk.ticket.TicketStatus.NEW,
							org.tierdesk.ticket.TicketStatus.OPEN, org.tierdesk.ticket.TicketStatus.WAITING_ON_CUSTOMER,
							org.tierdesk.ticket.TicketStatus.WAITING_ON_VENDOR));
				}
				if (mode == Mode.ANY_WORD) {
					// subject against subject, any of its words, ranked: the tickets sharing the most and rarest words
					// come first, and with the hit count capped Lucene skips those that cannot make the top
					// (requiring a share of the words would make it visit every ticket with a common word)
					return query.must(f.bool()
						.should(f.simpleQueryString().field("subject_en").matching(q).defaultOperator(BooleanOperator.OR))
						.should(f.simpleQueryString().field("subject_pt").matching(q).defaultOperator(BooleanOperator.OR)));
				}
				if (mode == Mode.ONE_TYPO_A_WORD) {
					return query.must(f.match().fields("subject_en", "description_en", "entries.body_en", "subject_pt",
							"description_pt", "entries.body_pt").matching(q).fuzzy(1, 1)
						.minimumShouldMatch(m -> m.ifMoreThan(2).thenRequireNumber(-1)));
				}
				return query.must(f.bool()
					.should(f.simpleQueryString().fields(TEXT_EN).matching(q).defaultOperator(BooleanOperator.AND))
					.should(f.simpleQueryString().fields(TEXT_PT).matching(q).defaultOperator(BooleanOperator.AND)));
			})
			.highlighter(f -> f.unified().tag(KnowledgeSearch.MATCH_START, KnowledgeSearch.MATCH_END)
				.numberOfFragments(1))
			.totalHitCountThreshold(1000)
			// a suggestion that takes longer than this is not worth waiting for: the hits found so far
			.truncateAfter(mode == Mode.ANY_WORD ? 200 : 2000, java.util.concurrent.TimeUnit.MILLISECONDS)
			.fetchHits(max);
	}

	private static String snippet(Object... highlights) {
		for (Object h : highlights) {
			if (h instanceof List<?> fragments && !fragments.isEmpty()) {
				return String.valueOf(fragments.get(0));
			}
		}
		return null;
	}
}
