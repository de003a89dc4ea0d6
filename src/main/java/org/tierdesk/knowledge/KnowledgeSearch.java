package org.tierdesk.knowledge;

import java.time.LocalDate;
import java.util.List;

import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.Role;

import jakarta.persistence.EntityManager;

/**
 * Full-text search of a program's articles, in English and Portuguese at once: stemming, accents ignored, typo
 * tolerance, "phrases", prefix*, filters by system and version, highlighted snippets. A customer finds only published
 * public answers; the desk finds published answers for its tier (and, asked for, every article it maintains).
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeSearch {

	/** Around the words that matched, in snippets; a page turns them into marks after escaping the text. */
	public static final String MATCH_START = "\u27e6";

	public static final String MATCH_END = "\u27e7";

	private static final String[] TEXT_EN = { "title_en", "keywords_en", "problem_en", "symptoms_en", "cause_en",
			"solution_en" };

	private static final String[] TEXT_PT = { "title_pt", "keywords_pt", "problem_pt", "symptoms_pt", "cause_pt",
			"solution_pt" };

	private final EntityManager entityManager;

	private final Programs programs;

	private final SupportGroups groups;

	private final java.time.Clock clock;

	KnowledgeSearch(EntityManager entityManager, Programs programs, SupportGroups groups, java.time.Clock clock) {
		this.entityManager = entityManager;
		this.programs = programs;
		this.groups = groups;
		this.clock = clock;
	}

	/** One article found: its number, title, the best snippet (with match marks), and where it stands. */
	public record Hit(String number, String title, String snippet, ArticleStatus status, Audience audience,
			boolean answer, float score) {
	}

	/**
	 * A search. {@code related}: the text is a request being written or a ticket's subject, not a query — any of
	 * its words may match, the articles sharing the most (and rarest) words first.
	 */
	public record Query(String text, String system, String version, boolean everything, Integer limit,
			boolean related) {

		public Query(String text, String system, String version, boolean everything, Integer limit) {
			this(text, system, version, everything, limit, false);
		}
	}

	public List<Hit> search(DeskPrincipal me, String programKey, Query q) {
		Program p = programs.visibleTo(me, programKey);
		String text = q.text() == null ? "" : q.text().strip();
		if (text.isEmpty()) {
			throw new InvalidFieldException("text", "what to search for");
		}
		if (text.length() > 500) {
			throw new InvalidFieldException("text", "at most 500 characters");
		}
		int limit = q.limit() == null ? 10 : Math.max(1, Math.min(50, q.limit()));
		boolean staff = me.staffOf(p.id());
		if (!staff && !me.has(Role.CUSTOMER)) {
			return List.of();
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), p.timeZone());
		int tier = staff ? highestTier(me, p) : 0;
		boolean everything = staff && q.everything();
		boolean syntax = text.matches(".*[\"*|+~()].*") || text.matches("(^|.*\\s)-\\S.*");
		// every word (stemmed) first; only when that finds nothing, the same words with one typo each
		List<List<?>> rows = find(p, text, q, me.manages(p.id()), false, staff, everything, tier, today, limit);
		// a long text is not worth a typo-tolerant pass: its many words find enough as written
		if (rows.isEmpty() && !syntax && (!q.related() || text.split("\\s+").length <= 6)) {
			rows = find(p, text, q, me.manages(p.id()), true, staff, everything, tier, today, limit);
		}
		return rows.stream().map(row -> {
			String snippet = first(row.get(1), row.get(2), row.get(3));
			if (snippet == null) {
				String problem = (String) row.get(5);
				snippet = problem.length() > 160 ? problem.substring(0, 160) + "…" : problem;
			}
			return new Hit((String) row.get(0), (String) row.get(6), snippet, (ArticleStatus) row.get(7),
					(Audience) row.get(8), Boolean.TRUE.equals(row.get(9)), (Float) row.get(4));
		}).toList();
	}

	/** One search; filters score nothing, hits are not counted past the first thousand. */
	private List<List<?>> find(Program p, String text, Query q, boolean manager, boolean typos, boolean staff,
			boolean everything, int tier, LocalDate today, int limit) {
		return Search.session(entityManager).search(Article.class)
			// projections only: a page of hits never reads the database
			.select(f -> f.composite().from(f.field("number", String.class), f.highlight("solution_en"),
					f.highlight("problem_en"), f.highlight("title_en"), f.score(), f.field("problem_en", String.class),
					f.field("title_en", String.class), f.field("status", ArticleStatus.class),
					f.field("audience", Audience.class), f.field("answer", Boolean.class)).asList())
			.where((f, root) -> {
				root.add(f.match().field("programId").matching(p.id()).constantScore());
				if (typos && q.related()) {
					root.add(f.match().fields(TEXT_EN).fields(TEXT_PT).matching(text).fuzzy(1, 1)
						.minimumShouldMatch(m -> m.ifMoreThan(1).thenRequirePercent(50).ifMoreThan(8).thenRequireNumber(4)));
				}
				else if (typos) {
					// one typo a word, all the words (all but one from three words up) — never "any one word",
					// which matches most of a large base
					root.add(f.match().fields(TEXT_EN).fields(TEXT_PT).matching(text).fuzzy(1, 1)
						.minimumShouldMatch(m -> m.ifMoreThan(2).thenRequireNumber(-1)));
				}
				else if (q.related()) {
					// any of the words, ranked (top hits found without visiting every match: see the threshold)
					// half the words or more (four of a long text): "shares a word" is most of a large base
					root.add(f.bool()
						.should(f.simpleQueryString().fields(TEXT_EN).matching(text).defaultOperator(BooleanOperator.OR)
							.minimumShouldMatch(m -> m.ifMoreThan(1).thenRequirePercent(50).ifMoreThan(8).thenRequireNumber(4)))
						.should(f.simpleQueryString().fields(TEXT_PT).matching(text).defaultOperator(BooleanOperator.OR)
							.minimumShouldMatch(m -> m.ifMoreThan(1).thenRequirePercent(50).ifMoreThan(8).thenRequireNumber(4))));
				}
				else {
					// the words as written (the syntax when used: "a phrase", prefix*, -not), stemmed, all of them
					root.add(f.bool()
						.should(f.simpleQueryString().fields(TEXT_EN).matching(text).defaultOperator(BooleanOperator.AND))
						.should(f.simpleQueryString().fields(TEXT_PT).matching(text).defaultOperator(BooleanOperator.AND)));
				}
				if (q.system() != null && !q.system().isBlank()) {
					root.add(f.match().field("system").matching(q.system().strip()));
				}
				if (q.version() != null && !q.version().isBlank()) {
					// an article for no particular version applies to every version
					root.add(f.bool().should(f.match().field("versions").matching(q.version().strip()))
						.should(f.not(f.exists().field("versions"))));
				}
				if (!everything) {
					root.add(f.match().field("answer").matching(true));
					root.add(f.range().field("expiresOn").greaterThan(today));
					if (!staff) {
						root.add(f.match().field("audience").matching(Audience.PUBLIC));
					}
					else if (!manager) {
						root.add(f.bool().should(f.not(f.match().field("audience").matching(Audience.INTERNAL)))
							.should(f.range().field("internalTier").atMost(tier)));
					}
				}
			})
			.highlighter(f -> f.unified().tag(MATCH_START, MATCH_END).numberOfFragments(1))
			.totalHitCountThreshold(1000)
			.truncateAfter(q.related() ? 200 : 2000, java.util.concurrent.TimeUnit.MILLISECONDS)
			.fetchHits(limit);
	}

	private int highestTier(DeskPrincipal me, Program p) {
		return groups.groupsOf(me.accountId()).values().stream().filter(g -> g.programId() == p.id())
			.mapToInt(GroupInfo::tier).max().orElse(1);
	}

	private static String first(Object... highlights) {
		for (Object h : highlights) {
			if (h instanceof List<?> fragments && !fragments.isEmpty()) {
				return String.valueOf(fragments.get(0));
			}
		}
		return null;
	}
}
