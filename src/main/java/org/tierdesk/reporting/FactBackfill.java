package org.tierdesk.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.Tickets;

/**
 * Brings the ticket facts up to date after an upgrade: tickets that have no fact row yet (opened before the reports
 * existed) or a row an older release wrote (without the columns added since) are rewritten from their own history,
 * in pages, in the background once the desk has started. Rewriting is idempotent, so several instances doing it at
 * once only repeat each other's work.
 */
@Component
class FactBackfill {

	private static final Logger log = LoggerFactory.getLogger(FactBackfill.class);

	static final int PAGE = 500;

	private final JdbcClient jdbc;

	private final Tickets tickets;

	private final TicketFacts facts;

	FactBackfill(JdbcClient jdbc, Tickets tickets, TicketFacts facts) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.facts = facts;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		Thread worker = new Thread(() -> {
			try {
				int n = run();
				if (n > 0) {
					log.info("Reporting facts rewritten for {} ticket(s)", n);
				}
			}
			catch (RuntimeException e) {
				log.warn("Reporting facts backfill stopped; it resumes at the next start", e);
			}
		}, "fact-backfill");
		worker.setDaemon(true);
		worker.start();
	}

	/** Rewrites every stale or missing fact row; answers how many it rewrote. */
	int run() {
		long rows = jdbc.sql("select count(*) from reporting_ticket_fact").query(Long.class).single();
		long stale = jdbc.sql("select count(*) from reporting_ticket_fact where ticket_number is null").query(Long.class)
			.single();
		if (stale == 0 && rows >= tickets.count()) {
			return 0;
		}
		int rewritten = 0;
		long after = 0;
		while (true) {
			java.util.List<Long> ids = tickets.idsAfter(after, PAGE);
			if (ids.isEmpty()) {
				return rewritten;
			}
			java.util.Set<Long> current = new java.util.HashSet<>(jdbc.sql("select ticket_id from reporting_ticket_fact "
					+ "where ticket_id in (:ids) and ticket_number is not null").param("ids", ids).query(Long.class).list());
			for (Long id : ids) {
				if (!current.contains(id)) {
					facts.rewrite(id);
					rewritten++;
				}
			}
			after = ids.get(ids.size() - 1);
		}
	}
}
