package org.tierdesk.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A desk's history at volume, for any benchmark: {@code programs} programs (keys {@code P01}, {@code P02}, … in
 * time zones around the world), each with a Tier 1 and a Tier 2 group, a manager ({@code p01.manager}, password
 * {@link #PASSWORD}), three agents and twenty customers at five sites, made through the API like a real desk; then
 * {@code tickets} tickets spread evenly over the last {@code days} days, written straight into PostgreSQL with
 * everything the reports read being consistent with them: the ticket rows, their reporting facts (first response,
 * escalation to Tier 2 for one in five, returns, resolution, acceptance, business time per tier, tier path), the SLA
 * clocks of the resolved ones (one in ten breached), the ticket-opened events of the last five weeks (the staffing
 * forecast's arrivals), and satisfaction surveys for a quarter of the closed ones. Tickets younger than two days are
 * still open; older ones are resolved, and after their acceptance day closed.
 */
final class DeskDataGenerator {

	static final String PASSWORD = "bench-manager-password";

	static final String[] ZONES = { "America/New_York", "Europe/Lisbon", "Asia/Tokyo", "America/Los_Angeles",
			"Europe/Berlin", "Australia/Sydney", "America/Sao_Paulo", "Asia/Kolkata", "Africa/Johannesburg",
			"Pacific/Honolulu" };

	/** What was made: per program its key and database id. */
	record Generated(List<String> keys, List<Long> ids, int tickets, double seconds) {
	}

	private DeskDataGenerator() {
	}

	static Generated generate(ServiceUnderTest service, int programs, int tickets, int days) throws Exception {
		long started = System.nanoTime();
		String admin = ServiceUnderTest.ADMIN;
		List<String> keys = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		int perProgram = tickets / programs;
		for (int p = 1; p <= programs; p++) {
			String key = "P%02d".formatted(p);
			String lower = key.toLowerCase();
			service.post("/api/v1/programs", admin, """
					{"key":"%s","name":"Program %02d","timeZone":"%s"}""".formatted(key, p, ZONES[(p - 1) % ZONES.length]));
			String tier1 = ServiceUnderTest.id(service.post("/api/v1/programs/" + key + "/groups", admin,
					"{\"name\":\"Service Desk\",\"tier\":1}"));
			String tier2 = ServiceUnderTest.id(service.post("/api/v1/programs/" + key + "/groups", admin,
					"{\"name\":\"Specialists\",\"tier\":2}"));
			service.post("/api/v1/users", admin, """
					{"username":"%s.manager","displayName":"Manager %s","roles":["PROGRAM_MANAGER"],"programs":["%s"],
					 "password":"%s"}""".formatted(lower, key, key, PASSWORD));
			List<String> agents = new ArrayList<>();
			for (int a = 1; a <= 3; a++) {
				String agent = ServiceUnderTest.id(service.post("/api/v1/users", admin, """
						{"username":"%s.agent%d","displayName":"Agent %d of %s","roles":["AGENT"],"programs":["%s"]}"""
					.formatted(lower, a, a, key, key)));
				service.post("/api/v1/programs/" + key + "/groups/" + (a == 3 ? tier2 : tier1) + "/members", admin,
						"{\"userId\":" + agent + "}");
				agents.add(agent);
			}
			List<String> customers = new ArrayList<>();
			for (int c = 1; c <= 20; c++) {
				customers.add(ServiceUnderTest.id(service.post("/api/v1/users", admin, """
						{"username":"%s.customer%d","displayName":"Customer %d of %s","roles":["CUSTOMER"],
						 "programs":["%s"],"organization":"Org %d","site":"Site %d","email":"%s.customer%d@example.org"}"""
					.formatted(lower, c, c, key, key, c % 5, c % 5, lower, c))));
			}
			try (Connection db = service.database(); Statement sql = db.createStatement()) {
				ResultSet rs = sql.executeQuery("select id from program where program_key = '" + key + "'");
				rs.next();
				long programId = rs.getLong(1);
				ids.add(programId);
				keys.add(key);
				seed(sql, programId, key, p, perProgram, days, agents, customers, tier1, tier2);
			}
			System.out.printf("program %s: %,d tickets (%.0f s so far)%n", key, perProgram,
					(System.nanoTime() - started) / 1e9);
		}
		try (Connection db = service.database(); Statement sql = db.createStatement()) {
			sql.execute("analyze");
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%ngenerated %d programs, %,d tickets over %d days in %.1f s%n", programs,
				perProgram * programs, days, seconds);
		return new Generated(keys, ids, perProgram * programs, seconds);
	}

	private static void seed(Statement sql, long programId, String key, int p, int n, int days, List<String> agents,
			List<String> customers, String tier1, String tier2) throws Exception {
		long base = 70_000_000L + (long) p * 1_000_000L;
		String customerArray = "array[" + String.join(",", customers) + "]::bigint[]";
		String agentArray = "array[" + agents.get(0) + "," + agents.get(1) + "]::bigint[]";
		// g = 1..n, oldest first; opened = now - days * (n - g) / n, minus a few minutes of jitter
		String series = """
				from (select g, now() - make_interval(secs => (%1$d::float8 * 86400 * (%2$d - g) / %2$d) + (g %% 97) * 37) as opened,
				        %3$s as customers, %4$s as agents
				      from generate_series(1, %2$d) g) s""".formatted(days, n, customerArray, agentArray);
		sql.execute("""
				insert into ticket (id, version, number, program_id, kind, channel, subject, description, impact,
				  urgency, priority, status, requester_id, requester_organization, owner_id, owner_group_id, tier,
				  reopen_count, created_by, created_at, updated_at, active, priority_rank)
				select %1$d + g, 1, '%2$s-' || g, %3$d,
				  case when g %% 3 = 0 then 'SERVICE_REQUEST' else 'INCIDENT' end,
				  (array['PHONE','EMAIL','WEB','CHAT','SMS','PHONE','EMAIL'])[1 + g %% 7],
				  'Ticket ' || g || ' of %2$s', 'Generated for the reporting benchmark.',
				  'MEDIUM', 'MEDIUM', (array['LOW','MEDIUM','MEDIUM','HIGH','CRITICAL'])[1 + g %% 5],
				  case when opened > now() - interval '2 days' then 'OPEN'
				       when opened > now() - interval '5 days' then 'RESOLVED'
				       when g %% 50 = 0 then 'CANCELLED' else 'CLOSED' end,
				  customers[1 + g %% 20], 'Org ' || ((1 + g %% 20) %% 5), agents[1 + g %% 2], %4$s, 1, 0,
				  agents[1 + g %% 2], opened, opened, opened > now() - interval '5 days', 2
				%5$s""".formatted(base, key, programId, tier1, series));
		// the facts the reports read, consistent with the tickets above
		sql.execute("""
				insert into reporting_ticket_fact (ticket_id, program_id, ticket_version, opened_at, channel, kind,
				  priority, category, system_name, site, organization, requester_id, owner_id, owner_group_id,
				  first_response_at, customer_follow_ups, escalations, max_tier, returns, ping_pongs, resolved_at,
				  resolved_tier, reopens, accepted, closed_at, cancelled_at, satisfaction, first_response_bs, resolution_bs,
				  tier1_bs, tier2_bs, tier_path, swarmed_at, ticket_number, subject, status)
				select t.id, t.program_id, 1, t.created_at, t.channel, t.kind, t.priority, 'general',
				  (array['R-Supply','NAVDISP','MDS Portal','SPS-73','Mail'])[1 + x.g %% 5], 'Site ' || (1 + x.g %% 20) %% 5,
				  t.requester_organization, t.requester_id, t.owner_id, t.owner_group_id,
				  t.created_at + make_interval(mins => (1 + x.g %% 90)::int), x.g %% 7 / 6, case when x.g %% 5 = 0 then 1 else 0 end,
				  case when x.g %% 5 = 0 then 2 else 1 end, case when x.g %% 5 = 0 then 1 else 0 end, 0,
				  case when t.status in ('RESOLVED','CLOSED') then x.resolved end,
				  case when t.status in ('RESOLVED','CLOSED') then 1 end, case when x.g %% 40 = 0 then 1 else 0 end,
				  case when t.status = 'CLOSED' then x.g %% 11 <> 0 end,
				  case when t.status = 'CLOSED' then x.resolved + interval '1 day' end,
				  case when t.status = 'CANCELLED' then t.created_at + interval '1 hour' end,
				  case when t.status = 'CLOSED' and x.g %% 4 = 0 then 1 + (x.g / 4) %% 5 end,
				  60 * (1 + x.g %% 90),
				  case when t.status in ('RESOLVED','CLOSED') then extract(epoch from x.resolved - t.created_at)::bigint end,
				  case when t.status in ('RESOLVED','CLOSED') then extract(epoch from x.resolved - t.created_at)::bigint
				       * (case when x.g %% 5 = 0 then 1 else 3 end) / 3 end,
				  case when t.status in ('RESOLVED','CLOSED') and x.g %% 5 = 0
				       then extract(epoch from x.resolved - t.created_at)::bigint * 2 / 3 end,
				  case when x.g %% 5 = 0 then '1>2>1' else '1' end,
				  case when x.g %% 17 = 0 then t.created_at + interval '10 minutes' end,
				  t.number, t.subject, t.status
				from ticket t join (select id - %1$d as g, id, created_at + make_interval(mins => (30 + ((id - %1$d) %% 2000))::int) as resolved
				                    from ticket where program_id = %2$d) x on x.id = t.id""".formatted(base, programId));
		// SLA clocks of the resolved tickets: first response and resolution, one in ten breached; Tier 2's OLA clock
		sql.execute("""
				insert into sla_clock (id, version, ticket_id, program_id, kind, assignment_key, group_id, tier, source,
				  target_seconds, state, started_at, stopped_at, due_at, warn_at, elapsed_seconds, paused_seconds,
				  computed_at, next_check_at, warned_at, breached_at, met_at)
				select f.ticket_id * 4 + k.n, 1, f.ticket_id, f.program_id, k.kind, 0, null, 1, 'policy Standard',
				  k.target, case when f.ticket_id %% 10 = 0 then 'BREACHED' else 'MET' end, f.opened_at, k.stop,
				  f.opened_at + make_interval(secs => k.target), null, case when f.ticket_id %% 10 = 0 then k.target + 600
				  else k.target / 2 end, 0, k.stop, null, null,
				  case when f.ticket_id %% 10 = 0 then k.stop end, case when f.ticket_id %% 10 <> 0 then k.stop end
				from reporting_ticket_fact f
				cross join lateral (values (1, 'FIRST_RESPONSE', 14400, f.first_response_at),
				                           (2, 'RESOLUTION', 172800, f.resolved_at)) k(n, kind, target, stop)
				where f.program_id = %d and f.resolved_at is not null""".formatted(programId));
		sql.execute("""
				insert into sla_clock (id, version, ticket_id, program_id, kind, assignment_key, group_id, tier, source,
				  target_seconds, state, started_at, stopped_at, due_at, warn_at, elapsed_seconds, paused_seconds,
				  computed_at, next_check_at, warned_at, breached_at, met_at)
				select f.ticket_id * 4 + 3, 1, f.ticket_id, f.program_id, 'TIER', f.ticket_id, %1$s, 2, 'group Specialists',
				  86400, case when f.ticket_id %% 4 = 0 then 'BREACHED' else 'MET' end, f.opened_at, f.resolved_at,
				  f.opened_at + interval '1 day', null, f.tier2_bs, 0, f.resolved_at, null, null,
				  case when f.ticket_id %% 4 = 0 then f.resolved_at end, case when f.ticket_id %% 4 <> 0 then f.resolved_at end
				from reporting_ticket_fact f where f.program_id = %2$d and f.resolved_at is not null and f.escalations > 0"""
			.formatted(tier2, programId));
		// arrivals of the last five weeks, as the event log records them
		sql.execute("""
				insert into reporting_ticket_event (program_id, ticket_id, event_type, tier, occurred_at, event_key, channel)
				select program_id, ticket_id, 'TicketOpened', 1, opened_at, md5('opened' || ticket_id) || md5(ticket_id::text),
				  channel
				from reporting_ticket_fact where program_id = %d and opened_at > now() - interval '35 days'"""
			.formatted(programId));
		sql.execute("""
				insert into satisfaction_survey (id, ticket_id, program_id, requester_id, channel, offered_by, closed_how,
				  token_hash, offered_at, answered_at, score, comment)
				select ticket_id, ticket_id, program_id, requester_id, channel, 'EMAIL', 'ACCEPTED',
				  md5('survey' || ticket_id) || md5(ticket_id::text), closed_at, closed_at + interval '2 hours',
				  satisfaction, case when satisfaction <= 2 then 'Took too long' end
				from reporting_ticket_fact where program_id = %d and satisfaction is not null""".formatted(programId));
	}
}
