package org.tierdesk.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the listeners are behind the desk, for the operator's dashboard ({@code /actuator/prometheus}):
 * {@code tierdesk_listeners_pending_events}, the events stored for a listener that has not yet handled them, and
 * {@code tierdesk_listeners_failed_events}, those whose listener failed and that wait for a retry. A pending count that
 * keeps growing means the desk takes in more than its listeners (routing, clocks, timers, reports, notices) get
 * through; the requests still succeed, but routing and SLA clocks lag. Counted in the database, so every instance of a
 * fleet reports the fleet's backlog; read only when scraped.
 */
@Component
class ListenerBacklog implements MeterBinder {

	private final JdbcTemplate jdbc;

	ListenerBacklog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("tierdesk.listeners.pending", this, ListenerBacklog::pending).baseUnit("events")
			.description("Events stored for a listener that has not handled them yet (failed ones not counted)")
			.register(registry);
		Gauge.builder("tierdesk.listeners.failed", this, ListenerBacklog::failed).baseUnit("events")
			.description("Events whose listener failed, waiting to be handed to it again").register(registry);
		// the registry counts them as their listeners commit; registered here so that it reads 0 before the first
		ListenerTransactions.Registry.completedCounter(registry);
	}

	double pending() {
		return count("(status is null or status <> 'FAILED')");
	}

	double failed() {
		return count("status = 'FAILED'");
	}

	private double count(String condition) {
		try {
			Long n = jdbc.queryForObject(
					"select count(*) from event_publication where completion_date is null and " + condition, Long.class);
			return n == null ? 0 : n;
		}
		catch (DataAccessException databaseDown) {
			return Double.NaN;
		}
	}
}
