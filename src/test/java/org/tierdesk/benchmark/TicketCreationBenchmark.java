package org.tierdesk.benchmark;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.tierdesk.support.PostgresForTests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Durable ticket creation over the REST API: 16 concurrent clients, each authenticating with a personal API token,
 * each request committing a ticket with its first entry, history and events. The service runs as its own process
 * (the packaged jar), so start-up time and RSS are the service's alone; the database is a real PostgreSQL (embedded
 * binaries) or the embedded H2 default. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({ Mode.Throughput, Mode.SampleTime })
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(16)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 6, time = 15)
@Measurement(iterations = 5, time = 15)
public class TicketCreationBenchmark {

	static final String JVM_OPTIONS = System.getProperty("tierdesk.bench.jvm",
			"-Xmx384m -Xms64m -XX:+UseG1GC -XX:G1PeriodicGCInterval=2000");

	/**
	 * Also time a start from the class data sharing archive ({@link StartupArchive}), as the README advises for
	 * production; the service under load always runs from the plain jar.
	 */
	static final boolean CDS = Boolean.parseBoolean(System.getProperty("tierdesk.bench.cds", "true"));

	private long cdsStartupMillis = -1;

	@Param({ "postgres", "h2" })
	public String database;

	private EmbeddedPostgres postgres;

	private Process server;

	private Path dataDir;

	private String baseUrl;

	private String token;

	private String body;

	private HttpClient http;

	private final AtomicLong failures = new AtomicLong();

	private Path log;

	private long startupMillis;

	private long idleRssKb;

	@Setup(Level.Trial)
	public void start() throws Exception {
		dataDir = Files.createTempDirectory("tierdesk-bench");
		int port = freePort();
		baseUrl = "http://127.0.0.1:" + port;
		http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
			.build();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		if (CDS) {
			cdsStartupMillis = timeToHealthy(java, StartupArchive.launch(jar(), java));
		}
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(List.of(JVM_OPTIONS.split(" ")));
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--tierdesk.data-dir=" + dataDir,
				"--logging.level.root=WARN"));
		if (database.equals("postgres")) {
			postgres = PostgresForTests.durable().setServerConfig("max_connections", "100").start();
			command.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"));
			command.add("--spring.datasource.username=postgres");
			command.add("--spring.datasource.password=postgres");
		}
		log = dataDir.resolve("server.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("TIERDESK_ADMIN_PASSWORD", "bench-admin-password");
		// as the README advises for production: two malloc arenas, not eight per core, for the JVM's native memory
		builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
		long started = System.nanoTime();
		server = builder.start();
		awaitHealthy();
		startupMillis = (System.nanoTime() - started) / 1_000_000;
		seed();
		Thread.sleep(5000);
		idleRssKb = rss("VmRSS");
		loadStarted = System.nanoTime();
		backlogSampler = new Thread(this::sampleBacklog, "backlog-sampler");
		backlogSampler.setDaemon(true);
		backlogSampler.start();
	}

	private Thread backlogSampler;

	/** The listeners' backlog every ten seconds of the load, to see how fast it grows. */
	private void sampleBacklog() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(10_000);
				System.out.printf("%n[tierdesk] backlog at %d s: %d events, %d handled so far%n",
						(System.nanoTime() - loadStarted) / 1_000_000_000, pendingEvents(),
						metric("tierdesk_listeners_completed_events_total"));
			}
		}
		catch (InterruptedException stopped) {
			Thread.currentThread().interrupt();
		}
		catch (Exception e) {
			System.out.println("[tierdesk] backlog sampling stopped: " + e);
		}
	}

	/** When the clients started (warm-up included): with the drain after them, the time the desk took for all the work. */
	private long loadStarted;

	/**
	 * One client: a kept-alive HTTP/1.1 connection per benchmark thread, like {@code wrk}. The JDK's HttpClient costs
	 * several times more CPU per request than the service's own work on a 2-core machine shared with the service, which
	 * would measure the client instead of the service.
	 */
	@State(Scope.Thread)
	public static class Client {

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		private byte[] request;

		@Setup(Level.Trial)
		public void connect(TicketCreationBenchmark bench) throws IOException {
			byte[] json = bench.body.getBytes(StandardCharsets.UTF_8);
			URI uri = URI.create(bench.baseUrl);
			String head = "POST /api/v1/tickets HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
					+ "\r\nAuthorization: Bearer " + bench.token + "\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + json.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			request = new byte[headBytes.length + json.length];
			System.arraycopy(headBytes, 0, request, 0, headBytes.length);
			System.arraycopy(json, 0, request, headBytes.length, json.length);
			host = uri.getHost();
			port = uri.getPort();
			open();
		}

		private String host;

		private int port;

		private void open() throws IOException {
			socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			out = socket.getOutputStream();
		}

		/** Sends the request and reads the whole response; returns the status code. */
		int send() throws IOException {
			out.write(request);
			out.flush();
			String status = line();
			int code = Integer.parseInt(status.substring(9, 12));
			int length = -1;
			boolean chunked = false;
			boolean close = false;
			for (String header = line(); !header.isEmpty(); header = line()) {
				String lower = header.toLowerCase(java.util.Locale.ROOT);
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(lower.substring(15).strip());
				}
				else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
				else if (lower.startsWith("connection:") && lower.contains("close")) {
					close = true; // Tomcat ends a kept-alive connection after 100 requests; reconnect like wrk
				}
			}
			if (chunked) {
				for (int size = Integer.parseInt(line().strip(), 16); size > 0; size = Integer.parseInt(line().strip(), 16)) {
					skip(size + 2);
				}
				line();
			}
			else if (length > 0) {
				skip(length);
			}
			if (close) {
				socket.close();
				open();
			}
			return code;
		}

		private void skip(int n) throws IOException {
			long left = n;
			while (left > 0) {
				long skipped = in.skip(left);
				if (skipped <= 0) {
					if (in.read() < 0) {
						throw new IOException("connection closed mid-response");
					}
					skipped = 1;
				}
				left -= skipped;
			}
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("connection closed");
				}
				if (c != '\r') {
					line.append((char) c);
				}
			}
			return line.toString();
		}

		@TearDown(Level.Trial)
		public void close() throws IOException {
			socket.close();
		}
	}

	@Benchmark
	public int createTicket(Client client) throws Exception {
		int status = client.send();
		if (status != 201) {
			failures.incrementAndGet();
			throw new IllegalStateException("expected 201, got " + status);
		}
		return status;
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		// the listeners (routing, clocks, timers, reports) run after each commit; when the load ends, how many events
		// are they behind, and how long do they take to catch up? A backlog that only grows is not a sustained rate
		long ended = System.nanoTime();
		backlogSampler.interrupt();
		long backlog = pendingEvents();
		long pending = backlog;
		while (pending > 0 && System.nanoTime() - ended < TimeUnit.MINUTES.toNanos(10)) {
			Thread.sleep(250);
			pending = pendingEvents();
		}
		long drainMillis = pending == 0 ? (System.nanoTime() - ended) / 1_000_000 : -1;
		long loadMillis = (ended - loadStarted) / 1_000_000;
		long peakRssKb = rss("VmHWM");
		long rssKb = rss("VmRSS");
		String tickets = get("/api/v1/tickets?size=1", basic("bench.agent", "bench-agent-password"));
		Matcher total = Pattern.compile("\"totalItems\":(\\d+)").matcher(tickets);
		long committed = total.find() ? Long.parseLong(total.group(1)) : -1;
		// every ticket with all its listeners' work done, over the whole time that took: what the desk sustains
		String sustained = committed < 0 || drainMillis < 0 ? "?"
				: String.format(java.util.Locale.ROOT, "%.1f", committed * 1000.0 / (loadMillis + drainMillis));
		String report = """
				database=%s startup_ms=%d cds_startup_ms=%d idle_rss_mib=%d peak_rss_mib=%d end_rss_mib=%d failures=%d tickets_committed=%d load_ms=%d listener_backlog_at_end=%d listener_drain_ms=%d sustained_tickets_per_s=%s jvm_options="%s"
				""".formatted(database, startupMillis, cdsStartupMillis, idleRssKb / 1024, peakRssKb / 1024,
				rssKb / 1024, failures.get(), committed, loadMillis, backlog, drainMillis, sustained, JVM_OPTIONS);
		System.out.print("\n[tierdesk] " + report);
		Path out = Path.of("target", "benchmark");
		Files.createDirectories(out);
		Files.writeString(out.resolve("service-" + database + ".txt"), report, StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		server.destroy();
		if (!server.waitFor(30, TimeUnit.SECONDS)) {
			server.destroyForcibly();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	private void seed() throws Exception {
		String admin = basic("admin", "bench-admin-password");
		post("/api/v1/programs", admin, "{\"key\":\"BENCH\",\"name\":\"Benchmark program\"}");
		String agent = post("/api/v1/users", admin, """
				{"username":"bench.agent","displayName":"Bench Agent","roles":["AGENT"],"programs":["BENCH"],
				 "password":"bench-agent-password"}""");
		String customer = post("/api/v1/users", admin, """
				{"username":"bench.customer","displayName":"Bench Customer","roles":["CUSTOMER"],
				 "programs":["BENCH"],"organization":"Bench Org"}""");
		String group = post("/api/v1/programs/BENCH/groups", admin, "{\"name\":\"Service Desk\",\"tier\":1}");
		post("/api/v1/programs/BENCH/groups/" + id(group) + "/members", admin, "{\"userId\":" + id(agent) + "}");
		String issued = post("/api/v1/users/me/tokens", basic("bench.agent", "bench-agent-password"),
				"{\"name\":\"benchmark\"}");
		Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(issued);
		if (!m.find()) {
			throw new IllegalStateException("no token in " + issued);
		}
		token = m.group(1);
		body = """
				{"program":"BENCH","requesterId":%s,"kind":"INCIDENT","channel":"PHONE",
				 "subject":"Requisition screen freezes on submit",
				 "description":"Requisitions hang at Submitting and never post; started after the morning update.",
				 "facts":{"location":"Supply office","affectedSystem":"R-Supply","affectedVersion":"4.2"},
				 "impact":"MEDIUM","urgency":"HIGH"}""".formatted(id(customer));
	}

	private void awaitHealthy() throws Exception {
		awaitHealthy(server, baseUrl, log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The time a start takes to health UP, on the embedded H2 in a data directory of its own; then stopped. */
	private long timeToHealthy(String java, List<String> launch) throws Exception {
		Path dir = Files.createTempDirectory("tierdesk-bench-start");
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java));
		command.addAll(List.of(JVM_OPTIONS.split(" ")));
		command.addAll(launch);
		command.addAll(List.of("--server.port=" + port, "--tierdesk.data-dir=" + dir, "--logging.level.root=WARN"));
		Path plainLog = dir.resolve("server.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(plainLog.toFile());
		builder.environment().put("TIERDESK_ADMIN_PASSWORD", "bench-admin-password");
		long started = System.nanoTime();
		Process plain = builder.start();
		try {
			awaitHealthy(plain, "http://127.0.0.1:" + port, plainLog);
			return (System.nanoTime() - started) / 1_000_000;
		}
		finally {
			plain.destroy();
			plain.waitFor(60, TimeUnit.SECONDS);
		}
	}

	private void awaitHealthy(Process process, String url, Path processLog) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service died:\n" + Files.readString(processLog));
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url
						+ "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the service did not start:\n" + Files.readString(processLog));
	}

	private String post(String path, String authorization, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private String get(String path, String authorization) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	/** The events the listeners have not handled yet, from the service's own gauge. */
	private long pendingEvents() throws Exception {
		return metric("tierdesk_listeners_pending_events");
	}

	private long metric(String name) throws Exception {
		String metrics = get("/actuator/prometheus", basic("admin", "bench-admin-password"));
		Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+]+)$").matcher(metrics);
		return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
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

	private long rss(String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return -1;
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
