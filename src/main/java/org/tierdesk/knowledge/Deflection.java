package org.tierdesk.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.ticket.TicketOpened;

/**
 * Tier 0 deflection: a customer who opened an article from the request form and then sent no request within the
 * window ({@code tierdesk.knowledge.deflection-window}, default 30 minutes) was answered without the desk. Views are
 * recorded as they happen; a request by the same customer within the window marks their views as followed.
 */
@Service
public class Deflection {

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

	/** A request arrived: the requester's recent views from the request form did not answer them. */
	@ApplicationModuleListener
	void on(TicketOpened opened) {
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
}
