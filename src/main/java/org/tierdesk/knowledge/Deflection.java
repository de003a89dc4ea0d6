package org.tierdesk.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.ticket.TicketOpened;

/**
 * Tier 0 deflection: a customer who opened an article from the request form and then sent no request within the
 * window ({@code tierdesk.knowledge.deflection-window}, default 30 minutes) was answered without the desk. Views are
 * recorded as they happen; a request by the same customer within the window marks their views as followed.
 */
@Service
@org.springframework.core.annotation.Order(4)
public class Deflection implements org.tierdesk.ticket.TicketFollower {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration window;

	private final org.tierdesk.system.Sequences sequences;

	Deflection(JdbcTemplate jdbc, Clock clock, org.tierdesk.system.Sequences sequences,
			@Value("${tierdesk.knowledge.deflection-window:30m}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.window = window;
		this.sequences = sequences;
	}

	@Transactional
	public void viewed(long programId, long articleId, long accountId, boolean fromRequest) {
		long id = sequences.next("knowledge_view_seq");
		jdbc.update("insert into knowledge_article_view (id, program_id, article_id, account_id, viewed_at, from_request)"
				+ " values (?, ?, ?, ?, ?, ?)", id, programId, articleId, accountId,
				java.sql.Timestamp.from(clock.instant()), fromRequest);
	}

	/**
	 * A request arrived: the requester's recent views from the request form did not answer them. Marked by the
	 * ticket's followers, in their one transaction per ticket event.
	 */
	@Override
	public java.util.function.Consumer<org.tierdesk.ticket.ReportingFacts> lockFor(org.tierdesk.ticket.TicketEvent cause) {
		return cause instanceof TicketOpened opened ? facts -> followed(opened) : facts -> {
		};
	}

	private void followed(TicketOpened opened) {
		jdbc.update("update knowledge_article_view set followed_by = ? where account_id = ? and program_id = ?"
				+ " and from_request = true and followed_by is null and viewed_at >= ? and viewed_at <= ?",
				opened.ticketId(), opened.requesterId(), opened.programId(),
				java.sql.Timestamp.from(opened.at().minus(window)), java.sql.Timestamp.from(opened.at()));
	}

	/** How many contacts were deflected in a program between two moments (views whose window has passed). */
	@Transactional(readOnly = true)
	public long deflected(long programId, Instant from, Instant to) {
		Instant settled = clock.instant().minus(window);
		Instant until = to.isBefore(settled) ? to : settled;
		Long n = jdbc.queryForObject("select count(distinct account_id || '-' || article_id) from knowledge_article_view"
				+ " where program_id = ? and from_request = true and followed_by is null and viewed_at >= ? and viewed_at < ?",
				Long.class, programId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(until));
		return n == null ? 0 : n;
	}

	/** How customers used an article in a period: views (from the request form), contacts it deflected, votes. */
	public record ArticleUsage(String number, String title, long views, long fromRequest, long deflected,
			int helpful, int notHelpful, int ticketLinks) {
	}

	/** The program's most viewed articles in [from, to), most viewed first. */
	@Transactional(readOnly = true)
	public java.util.List<ArticleUsage> usage(long programId, Instant from, Instant to, int limit) {
		Instant settled = clock.instant().minus(window);
		return jdbc.query("""
				select a.number, a.title, count(*) as views,
				  sum(case when v.from_request then 1 else 0 end) as from_request,
				  count(distinct case when v.from_request and v.followed_by is null and v.viewed_at < ?
				    then v.account_id end) as deflected,
				  a.helpful, a.not_helpful, a.ticket_links
				from knowledge_article_view v join knowledge_article a on a.id = v.article_id
				where v.program_id = ? and v.viewed_at >= ? and v.viewed_at < ?
				group by a.number, a.title, a.helpful, a.not_helpful, a.ticket_links
				order by count(*) desc, a.number fetch first %d rows only""".formatted(Math.max(1, Math.min(limit, 500))),
				(rs, i) -> new ArticleUsage(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)),
				java.sql.Timestamp.from(settled), programId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
	}

	/** Article views in a period (any source). */
	@Transactional(readOnly = true)
	public long views(long programId, Instant from, Instant to) {
		Long n = jdbc.queryForObject("select count(*) from knowledge_article_view where program_id = ? and viewed_at >= ?"
				+ " and viewed_at < ?", Long.class, programId, java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
		return n == null ? 0 : n;
	}
}
