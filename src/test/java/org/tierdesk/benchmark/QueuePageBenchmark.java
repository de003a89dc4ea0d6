package org.tierdesk.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The agent console at volume: a program with 100,000 tickets (a third unfinished, a tenth with work at Tier 2,
 * running SLA clocks on a share of them) and each page an agent opens all day, timed from the moment the request is
 * sent to the last byte of the page on loopback (an upper bound of the server time). The service runs as its own
 * process (the packaged jar) on a real PostgreSQL. Run with
 * {@code ./mvnw -Pbenchmark verify -Djmh.args="QueuePage -rf text -rff target/jmh-queue.txt"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class QueuePageBenchmark {

	static final String JVM_OPTIONS = System.getProperty("tierdesk.bench.jvm", "-Xmx384m -XX:+UseG1GC");

	@Param({ "100000" })
	public int tickets;

	private ServiceUnderTest service;

	private String someTicket;

	@Setup(Level.Trial)
	public void start() throws Exception {
		service = ServiceUnderTest.start("tierdesk-queue-bench", JVM_OPTIONS);
		seed();
		service.signIn("bench.agent", "bench-agent-password");
		service.page("/console");
	}

	/** The program, its people and groups through the API; the tickets straight into the database (fast). */
	private void seed() throws Exception {
		String admin = ServiceUnderTest.ADMIN;
		service.post("/api/v1/programs", admin, "{\"key\":\"BENCH\",\"name\":\"Benchmark program\"}");
		String agent = service.post("/api/v1/users", admin, """
				{"username":"bench.agent","displayName":"Bench Agent","roles":["AGENT"],"programs":["BENCH"],
				 "password":"bench-agent-password"}""");
		String customer = service.post("/api/v1/users", admin, """
				{"username":"bench.customer","displayName":"Bench Customer","roles":["CUSTOMER"],
				 "programs":["BENCH"],"organization":"Bench Org"}""");
		String tier1 = service.post("/api/v1/programs/BENCH/groups", admin, "{\"name\":\"Service Desk\",\"tier\":1}");
		String tier2 = service.post("/api/v1/programs/BENCH/groups", admin, "{\"name\":\"Specialists\",\"tier\":2}");
		service.post("/api/v1/programs/BENCH/groups/" + id(tier1) + "/members", admin, "{\"userId\":" + id(agent) + "}");
		service.post("/api/v1/programs/BENCH/groups/" + id(tier2) + "/members", admin, "{\"userId\":" + id(agent) + "}");
		String program;
		try (Connection db = service.database(); Statement sql = db.createStatement()) {
			var rs = sql.executeQuery("select id from program where program_key = 'BENCH'");
			rs.next();
			program = rs.getString(1);
			long agentId = Long.parseLong(id(agent));
			// 50 agents share the tickets; the benchmark's agent owns one in fifty; a fifth have no owner yet
			sql.execute("""
					insert into ticket (id, version, number, program_id, kind, channel, subject, description, impact,
					  urgency, priority, status, requester_id, requester_organization, owner_id, owner_group_id, tier,
					  reopen_count, created_by, created_at, updated_at)
					select 50000000 + g, 0, 'BENCH-' || g, %1$s,
					  case when g %% 3 = 0 then 'SERVICE_REQUEST' else 'INCIDENT' end, 'PHONE',
					  'Benchmark ticket ' || g || ' about the requisition screen', 'Requisitions hang at Submitting',
					  'MEDIUM', 'MEDIUM', (array['CRITICAL','HIGH','MEDIUM','MEDIUM','LOW'])[1 + g %% 5],
					  (array['NEW','OPEN','OPEN','WAITING_ON_CUSTOMER','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + g %% 9],
					  %2$s, 'Bench Org',
					  case when g %% 5 = 0 then null when g %% 50 = 1 then %3$d else 90000000 + g %% 49 end,
					  %4$s, case when g %% 10 = 2 then 2 else 1 end, 0, %3$d,
					  now() - (g || ' minutes')::interval, now() - (g || ' seconds')::interval
					from generate_series(1, %5$d) g""".formatted(program, id(customer), agentId, id(tier1), tickets));
			sql.execute("""
					insert into ticket_assignment (id, ticket_id, group_id, tier, from_tier, status, reason, assigned_by,
					  assigned_at)
					select 50000000 + g, 50000000 + g, %1$s, 2, 1, 'ACTIVE', 'benchmark', %2$d, now()
					from generate_series(1, %3$d) g where g %% 10 = 2 and (1 + g %% 9) <= 4""".formatted(id(tier2), agentId,
					tickets));
			sql.execute("""
					insert into sla_clock (id, version, ticket_id, program_id, kind, assignment_key, tier, source,
					  target_seconds, state, started_at, due_at, warn_at, elapsed_seconds, paused_seconds, computed_at)
					select 50000000 + g, 0, 50000000 + g, %1$s, 'RESOLUTION', 0, 1, 'benchmark', 14400,
					  case when g %% 7 = 0 then 'WARNING' else 'RUNNING' end, now() - interval '1 hour',
					  now() + ((g %% 600) - 300 || ' minutes')::interval, now() + ((g %% 600) - 400 || ' minutes')::interval,
					  3600, 0, now()
					from generate_series(1, %2$d) g where (1 + g %% 9) <= 4""".formatted(program, tickets));
			sql.execute("analyze");
		}
		someTicket = "BENCH-" + (tickets / 2 + 1);
	}

	@Benchmark
	public int myTickets() throws Exception {
		return service.page("/console?queue=mine&program=BENCH");
	}

	@Benchmark
	public int unassignedQueue() throws Exception {
		return service.page("/console?queue=unassigned&program=BENCH");
	}

	@Benchmark
	public int myGroupsQueue() throws Exception {
		return service.page("/console?queue=groups&program=BENCH");
	}

	@Benchmark
	public int allOpenFirstPage() throws Exception {
		return service.page("/console?queue=open&program=BENCH");
	}

	@Benchmark
	public int allOpenPage400() throws Exception {
		return service.page("/console?queue=open&program=BENCH&page=400");
	}

	@Benchmark
	public int filteredTier2Incidents() throws Exception {
		return service.page("/console?queue=open&program=BENCH&tier=2&kind=INCIDENT");
	}

	@Benchmark
	public int nearingSla() throws Exception {
		return service.page("/console?queue=sla&program=BENCH");
	}

	@Benchmark
	public int liveCounts() throws Exception {
		return service.page("/console/counts?program=BENCH");
	}

	@Benchmark
	public int ticketWorkspace() throws Exception {
		return service.page("/console/tickets/" + someTicket);
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		service.close();
	}

	private static String id(String json) {
		return ServiceUnderTest.id(json);
	}
}
