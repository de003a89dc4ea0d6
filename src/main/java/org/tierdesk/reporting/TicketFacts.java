package org.tierdesk.reporting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.ReportingFacts;
import org.tierdesk.ticket.Tickets;

/**
 * Keeps {@code reporting_ticket_fact}: on every ticket event the ticket's row is rewritten from the ticket as it now
 * is (its own state and history), and only if that is newer than what the row holds — so events delivered late, twice
 * or out of order leave the row right.
 */
@Component
class TicketFacts {

	private final JdbcClient jdbc;

	private final Tickets tickets;

	/** PostgreSQL skips a conflicting insert ({@code on conflict do nothing}); H2 fails the statement alone. */
	private final boolean postgres;

	private final org.tierdesk.sla.ServiceLevels serviceLevels;

	TicketFacts(JdbcClient jdbc, Tickets tickets, org.tierdesk.sla.ServiceLevels serviceLevels,
			javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.serviceLevels = serviceLevels;
		this.tickets = tickets;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(javax.sql.DataSource dataSource) {
		try (java.sql.Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException("cannot tell which database this is", e);
		}
	}

	void rewrite(long ticketId) {
		tickets.reportingFacts(ticketId).ifPresent(this::write);
	}

	/** The requester's survey answer, beside the facts (the rewrite from the ticket leaves it alone). */
	void satisfaction(long ticketId, int score) {
		if (jdbc.sql("update reporting_ticket_fact set satisfaction = :score where ticket_id = :id")
			.param("score", score).param("id", ticketId).update() == 0) {
			tickets.reportingFacts(ticketId).ifPresent(this::write);
			jdbc.sql("update reporting_ticket_fact set satisfaction = :score where ticket_id = :id")
				.param("score", score).param("id", ticketId).update();
		}
	}

	/** The facts of a ticket opening in this transaction: there is no row to update yet. */
	void writeOpening(ReportingFacts f) {
		insert(f, times(f));
	}

	/**
	 * Updates the row if this is newer; else inserts it if absent, then updates again (an event for a newer version
	 * may have inserted it meanwhile: the guarded update keeps the newest). All on the caller's connection: a second
	 * transaction here needed a second connection per listener, and under load every pooled connection was held by a
	 * listener waiting for another one.
	 */
	void write(ReportingFacts f) {
		TierTimes times = times(f);
		if (update(f, times) > 0) {
			return;
		}
		try {
			if (insert(f, times) > 0) {
				return;
			}
		}
		catch (org.springframework.dao.DuplicateKeyException racedByAnotherEvent) {
			// H2: only this statement failed; the transaction goes on
		}
		update(f, times);
	}

	private TierTimes times(ReportingFacts f) {
		return TierTimes.of(f.timeline(), f.resolvedAt(), serviceLevels.calendarOf(f.programId(), null));
	}

	private int update(ReportingFacts f, TierTimes times) {
		return params(jdbc.sql("""
				update reporting_ticket_fact set ticket_version = :version, opened_at = :opened, channel = :channel,
				  kind = :kind, priority = :priority, category = :category, system_name = :system, site = :site,
				  organization = :organization, requester_id = :requester, owner_id = :owner, owner_group_id = :group,
				  first_response_at = :firstResponse, customer_follow_ups = :followUps, escalations = :escalations,
				  max_tier = :maxTier, returns = :returns, ping_pongs = :pingPongs, resolved_at = :resolved,
				  resolved_tier = :resolvedTier, reopens = :reopens, accepted = :accepted, closed_at = :closed,
				  cancelled_at = :cancelled, swarmed_at = :swarmed, first_response_bs = :firstResponseBs,
				  resolution_bs = :resolutionBs, tier1_bs = :tier1, tier2_bs = :tier2, tier3_bs = :tier3, tier4_bs = :tier4,
				  tier_path = :tierPath, ticket_number = :number, subject = :subject, status = :status,
				  lesson_summary = :lesson, lesson_at = :lessonAt
				where ticket_id = :id and (ticket_version < :version or ticket_number is null)"""), f, times).update();
	}

	private int insert(ReportingFacts f, TierTimes times) {
		return params(jdbc.sql("""
					insert into reporting_ticket_fact (ticket_id, program_id, ticket_version, opened_at, channel, kind,
					  priority, category, system_name, site, organization, requester_id, owner_id, owner_group_id,
					  first_response_at, customer_follow_ups, escalations, max_tier, returns, ping_pongs, resolved_at,
					  resolved_tier, reopens, accepted, closed_at, cancelled_at, swarmed_at, first_response_bs,
					  resolution_bs, tier1_bs, tier2_bs, tier3_bs, tier4_bs, tier_path, ticket_number, subject, status,
					  lesson_summary, lesson_at)
					select :id, :program, :version, :opened, :channel, :kind, :priority, :category, :system, :site,
					  :organization, :requester, :owner, :group, :firstResponse, :followUps, :escalations, :maxTier,
					  :returns, :pingPongs, :resolved, :resolvedTier, :reopens, :accepted, :closed, :cancelled, :swarmed,
					  :firstResponseBs, :resolutionBs, :tier1, :tier2, :tier3, :tier4, :tierPath, :number, :subject,
					  :status, :lesson, :lessonAt
					from (values (1)) as one(x)
					where not exists (select 1 from reporting_ticket_fact where ticket_id = :id)"""
				+ (postgres ? " on conflict (ticket_id) do nothing" : "")), f, times).update();
	}

	private JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, ReportingFacts f, TierTimes times) {
		return sql.param("number", f.number()).param("subject", cut(f.subject(), 300)).param("status", f.status().name())
			.param("lesson", f.lessonSummary()).param("lessonAt", at(f.lessonAt()))
			.param("tierPath", TierFlow.path(f.timeline().assignments())).param("swarmed", at(f.swarmedAt())).param("firstResponseBs", times.firstResponseSeconds())
			.param("resolutionBs", times.resolutionSeconds()).param("tier1", times.tier(1))
			.param("tier2", times.tier(2)).param("tier3", times.tier(3)).param("tier4", times.tier(4)).param("id", f.ticketId()).param("program", f.programId()).param("version", f.version())
			.param("opened", at(f.openedAt())).param("channel", f.channel().name()).param("kind", f.kind().name())
			.param("priority", f.priority().name()).param("category", cut(f.category()))
			.param("system", cut(f.system())).param("site", cut(f.site())).param("organization", cut(f.organization()))
			.param("requester", f.requesterId()).param("owner", f.ownerId()).param("group", f.ownerGroupId())
			.param("firstResponse", at(f.firstResponseAt())).param("followUps", f.customerFollowUps())
			.param("escalations", f.escalations()).param("maxTier", f.maxTier()).param("returns", f.returns())
			.param("pingPongs", f.pingPongs()).param("resolved", at(f.resolvedAt()))
			.param("resolvedTier", f.resolvedTier()).param("reopens", f.reopens()).param("accepted", f.accepted())
			.param("closed", at(f.closedAt())).param("cancelled", at(f.cancelledAt()));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String value) {
		return cut(value, 200);
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}
}
