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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.tierdesk.support.PostgresForTests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The service as a benchmark sees it: the packaged jar started as its own process on a real (embedded) PostgreSQL,
 * its administrator, an HTTP client that keeps a session, and the database for seeding volumes straight in.
 */
final class ServiceUnderTest implements AutoCloseable {

	static final String ADMIN = basic("admin", "bench-admin-password");

	private final EmbeddedPostgres postgres;

	private final Process server;

	private final Path log;

	final String baseUrl;

	final HttpClient http;

	private ServiceUnderTest(EmbeddedPostgres postgres, Process server, Path log, String baseUrl) {
		this.postgres = postgres;
		this.server = server;
		this.log = log;
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Starts PostgreSQL and the service with these JVM options; answers once the service reports itself healthy. */
	static ServiceUnderTest start(String name, String jvmOptions) throws Exception {
		Path dataDir = Files.createTempDirectory(name);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		EmbeddedPostgres postgres = PostgresForTests.durable().setServerConfig("max_connections", "100").start();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmOptions.split(" ")));
		command.addAll(List.of("-jar", jar().toString(), "--server.port=" + port, "--tierdesk.data-dir=" + dataDir,
				"--logging.level.root=WARN", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
		Path log = dataDir.resolve("server.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TIERDESK_ADMIN_PASSWORD", "bench-admin-password");
		ServiceUnderTest service = new ServiceUnderTest(postgres, builder.start(), log, "http://127.0.0.1:" + port);
		service.awaitHealthy();
		return service;
	}

	Connection database() throws Exception {
		return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
	}

	/** The login form with its CSRF token, as a browser does it; the session cookie is kept by the client. */
	void signIn(String username, String password) throws Exception {
		String page = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the login page");
		}
		String form = "username=" + username + "&password=" + password + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException("login failed: " + login.statusCode() + " " + login.headers());
		}
	}

	/** GETs a path with the session; refuses anything but 200; answers the body's size. */
	int page(String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + r.statusCode());
		}
		return r.body().length;
	}

	String get(String path, String authorization) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	String post(String path, String authorization, String json) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Authorization", authorization).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + " answered " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	static String id(String json) {
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no id in " + json);
		}
		return m.group(1);
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws Exception {
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

	private static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("tierdesk-.*\\.jar"))
				.filter(p -> !p.getFileName().toString().endsWith("-plain.jar") && !p.toString().endsWith(".original"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("build the jar first: ./mvnw -Pbenchmark verify"));
		}
	}
}
