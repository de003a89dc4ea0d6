package org.tierdesk.reporting;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.system.Sha256;
import org.tierdesk.ticket.AssignmentReturned;
import org.tierdesk.ticket.TicketEscalated;
import org.tierdesk.ticket.TicketEvent;
import org.tierdesk.ticket.TicketOpened;
import org.tierdesk.ticket.TicketResolved;

/**
 * Appends every ticket event to {@code reporting_ticket_event} and rewrites the ticket's facts. Runs after the
 * ticket's transaction commits, as one of the ticket's followers ({@link org.tierdesk.ticket.TicketFollower}),
 * from the event publication registry, so a crash between the two re-delivers the event; a re-delivered event is
 * recorded once.
 */
@Component
@org.springframework.core.annotation.Order(3)
public class TicketEventLog implements org.tierdesk.ticket.TicketFollower {

	private final JdbcClient jdbc;

	private final TicketFacts facts;

	TicketEventLog(JdbcClient jdbc, TicketFacts facts) {
		this.jdbc = jdbc;
		this.facts = facts;
	}

	/** Every ticket event is recorded, and the ticket's facts rewritten, by the ticket's followers, from their one read. */
	@Override
	public java.util.function.Consumer<org.tierdesk.ticket.ReportingFacts> lockFor(TicketEvent cause) {
		return f -> {
			record(cause);
			// the facts are rewritten from the ticket itself, so a repeated delivery does no harm
			facts.write(f);
		};
	}

	/** A ticket opening in this transaction: its facts are inserted, there being no row to update yet. */
	@Override
	public java.util.function.Consumer<org.tierdesk.ticket.ReportingFacts> forOpening(TicketOpened opened) {
		return f -> {
			record(opened);
			facts.writeOpening(f);
		};
	}

	private void record(TicketEvent event) {
		// a re-delivered event (after a crash or restart) is recorded once
		String key = Sha256.hex(event.getClass().getName() + event);
		jdbc.sql("""
				insert into reporting_ticket_event (program_id, ticket_id, event_type, tier, occurred_at, event_key, channel)
				select cast(:program as bigint), cast(:ticket as bigint), cast(:type as varchar(40)),
				       cast(:tier as int), cast(:at as timestamp(6) with time zone), cast(:key as varchar(64)),
				       cast(:channel as varchar(20))
				from (values (1)) as one(x)
				where not exists (select 1 from reporting_ticket_event where event_key = :key)""")
			.param("key", key)
			.param("program", event.programId())
			.param("ticket", event.ticketId())
			.param("type", event.getClass().getSimpleName())
			.param("tier", tierOf(event))
			.param("at", event.at().atOffset(ZoneOffset.UTC))
			.param("channel", event instanceof TicketOpened o ? o.channel().name() : null)
			.update();
	}

	@ApplicationModuleListener
	void on(org.tierdesk.satisfaction.SurveyAnswered answered) {
		facts.satisfaction(answered.ticketId(), answered.score());
	}

	/** How many events of each type a program had in [from, to). */
	public Map<String, Long> countsByType(long programId, Instant from, Instant to) {
		List<Map.Entry<String, Long>> rows = jdbc.sql("""
				select event_type, count(*) as n from reporting_ticket_event
				where program_id = :program and occurred_at >= :from and occurred_at < :to
				group by event_type""")
			.param("program", programId)
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> Map.entry(rs.getString("event_type"), rs.getLong("n")))
			.list();
		return Map.ofEntries(rows.toArray(Map.Entry[]::new));
	}

	/**
	 * How many tickets came in on these channels in each hour of [from, to), by the hour's start (UTC); at most one
	 * row per hour, so a month is some 700 rows however busy the desk.
	 */
	public Map<Instant, Long> arrivalsByHour(long programId, java.util.Collection<String> channels, Instant from,
			Instant to) {
		List<Map.Entry<Instant, Long>> rows = jdbc.sql("""
				select date_trunc('hour', occurred_at) as hour_start, count(*) as n from reporting_ticket_event
				where program_id = :program and event_type = 'TicketOpened' and channel in (:channels)
				  and occurred_at >= :from and occurred_at < :to
				group by date_trunc('hour', occurred_at)""")
			.param("program", programId)
			.param("channels", List.copyOf(channels))
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.query((rs, i) -> Map.entry(rs.getObject("hour_start", java.time.OffsetDateTime.class).toInstant(),
					rs.getLong("n")))
			.list();
		return Map.ofEntries(rows.toArray(Map.Entry[]::new));
	}

	private static Integer tierOf(TicketEvent event) {
		if (event instanceof TicketEscalated e) {
			return e.toTier();
		}
		if (event instanceof TicketResolved r) {
			return r.tier();
		}
		if (event instanceof AssignmentReturned r) {
			return r.fromTier();
		}
		return null;
	}
}
