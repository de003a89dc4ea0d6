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

	TicketFinder(EntityManager entityManager, Programs programs) {
		this.entityManager = entityManager;
		this.programs = programs;
	}

	public record TicketHit(String number, String subject, String status, String snippet, float score) {
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
		List<List<?>> rows = Search.session(entityManager).search(Ticket.class)
			.select(f -> f.composite().from(f.field("number", String.class), f.field("subject_en", String.class),
					f.field("status", org.tierdesk.ticket.TicketStatus.class), f.highlight("entries.body_en"), f.highlight("description_en"),
					f.highlight("subject_en"), f.score()).asList())
			.where((f, root) -> {
				root.add(f.match().field("programId").matching(p.id()));
				if (unfinishedOnly) {
					root.add(f.terms().field("status").matchingAny(org.tierdesk.ticket.TicketStatus.NEW,
							org.tierdesk.ticket.TicketStatus.OPEN, org.tierdesk.ticket.TicketStatus.WAITING_ON_CUSTOMER,
							org.tierdesk.ticket.TicketStatus.WAITING_ON_VENDOR));
				}
				var all = f.bool()
					.should(f.simpleQueryString().fields(TEXT_EN).matching(q).defaultOperator(BooleanOperator.AND)
						.boost(2f))
					.should(f.simpleQueryString().fields(TEXT_PT).matching(q).defaultOperator(BooleanOperator.AND)
						.boost(2f));
				if (!syntax) {
					all = all.should(f.match().fields("subject_en", "description_en", "entries.body_en", "subject_pt",
							"description_pt", "entries.body_pt").matching(q).fuzzy(1)
						.minimumShouldMatch(m -> m.ifMoreThan(2).thenRequireNumber(-1)));
				}
				root.add(all);
			})
			.highlighter(f -> f.unified().tag(KnowledgeSearch.MATCH_START, KnowledgeSearch.MATCH_END)
				.numberOfFragments(1))
			.fetchHits(max);
		return rows.stream().map(r -> new TicketHit((String) r.get(0), (String) r.get(1), String.valueOf(r.get(2)),
				snippet(r.get(3), r.get(4), r.get(5)), (Float) r.get(6))).toList();
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
