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

	private EmbeddedPostgres postgres;

	private Process server;

	private Path log;

	private String baseUrl;

	private HttpClient http;

	private String someTicket;

	@Setup(Level.Trial)
	public void start() throws Exception {
		Path dataDir = Files.createTempDirectory("tierdesk-queue-bench");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		baseUrl = "http://127.0.0.1:" + port;
		postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(JVM_OPTIONS.split(" ")));
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--tierdesk.data-dir=" + dataDir,
				"--logging.level.root=WARN", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
		log = dataDir.resolve("server.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TIERDESK_ADMIN_PASSWORD", "bench-admin-password");
		http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		server = builder.start();
		awaitHealthy();
		seed();
		signIn();
	}

	/** The program, its people and groups through the API; the tickets straight into the database (fast). */
	private void seed() throws Exception {
		String admin = basic("admin", "bench-admin-password");
		api("/api/v1/programs", admin, "{\"key\":\"BENCH\",\"name\":\"Benchmark program\"}");
		String agent = api("/api/v1/users", admin, """
				{"username":"bench.agent","displayName":"Bench Agent","roles":["AGENT"],"programs":["BENCH"],
				 "password":"bench-agent-password"}""");
		String customer = api("/api/v1/users", admin, """
				{"username":"bench.customer","displayName":"Bench Customer","roles":["CUSTOMER"],
				 "programs":["BENCH"],"organization":"Bench Org"}""");
		String tier1 = api("/api/v1/programs/BENCH/groups", admin, "{\"name\":\"Service Desk\",\"tier\":1}");
		String tier2 = api("/api/v1/programs/BENCH/groups", admin, "{\"name\":\"Specialists\",\"tier\":2}");
		api("/api/v1/programs/BENCH/groups/" + id(tier1) + "/members", admin, "{\"userId\":" + id(agent) + "}");
		api("/api/v1/programs/BENCH/groups/" + id(tier2) + "/members", admin, "{\"userId\":" + id(agent) + "}");
		String program;
		try (Connection db = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
				"postgres"); Statement sql = db.createStatement()) {
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

	/** The login form with its CSRF token, as a browser does it; the session cookie is kept by the client. */
	private void signIn() throws Exception {
		String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=bench.agent&password=bench-agent-password&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers());
		}
		page("/console");
	}

	private int page(String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + r.statusCode());
		}
		return r.body().length;
	}

	@Benchmark
	public int myTickets() throws Exception {
		return page("/console?queue=mine&program=BENCH");
	}

	@Benchmark
	public int unassignedQueue() throws Exception {
		return page("/console?queue=unassigned&program=BENCH");
	}

	@Benchmark
	public int myGroupsQueue() throws Exception {
		return page("/console?queue=groups&program=BENCH");
	}

	@Benchmark
	public int allOpenFirstPage() throws Exception {
		return page("/console?queue=open&program=BENCH");
	}

	@Benchmark
	public int allOpenPage400() throws Exception {
		return page("/console?queue=open&program=BENCH&page=400");
	}

	@Benchmark
	public int filteredTier2Incidents() throws Exception {
		return page("/console?queue=open&program=BENCH&tier=2&kind=INCIDENT");
	}

	@Benchmark
	public int nearingSla() throws Exception {
		return page("/console?queue=sla&program=BENCH");
	}

	@Benchmark
	public int liveCounts() throws Exception {
		return page("/console/counts?program=BENCH");
	}

	@Benchmark
	public int ticketWorkspace() throws Exception {
		return page("/console/tickets/" + someTicket);
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		server.destroy();
		if (!server.waitFor(30, TimeUnit.SECONDS)) {
			server.destroyForcibly();
		}
		postgres.close();
	}

	private void awaitHealthy() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!server.isAlive()) {
				throw new IllegalStateException("the service died:\n" + Files.readString(log));
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the service did not start:\n" + Files.readString(log));
	}

	private String api(String path, String authorization, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", authorization).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String id(String json) {
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no id in " + json);
		}
		return m.group(1);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("tierdesk-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-plain.jar") && !p.toString().endsWith(".original"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("build the jar first: ./mvnw -Pbenchmark verify"));
		}
	}
}
