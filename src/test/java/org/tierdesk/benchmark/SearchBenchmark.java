package org.tierdesk.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * Full-text search at volume: 1,000,000 tickets (half with a conversation entry) and 50,000 published articles in one
 * program, written straight into PostgreSQL, then indexed by the service's own mass re-index (the rate is printed);
 * then three-word queries with filters timed from request to last byte over the API on loopback, a personal API token
 * on every request; and the ticket workspace, which looks up similar tickets and related articles by the ticket's
 * subject. The service runs as its own process (the packaged jar). Run with
 * {@code ./mvnw -Pbenchmark verify -Djmh.args="Search -rf text -rff target/jmh-search.txt"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class SearchBenchmark {

	static final String JVM_OPTIONS = System.getProperty("tierdesk.bench.jvm", "-Xmx1g -XX:+UseG1GC");

	/** The vocabulary the generated tickets and articles are written in: four word lists, mixed by primes. */
	static final String WORDS = """
			array['printer','requisition','scanner','laptop','monitor','keyboard','network','server','database',
			  'report','invoice','password','account','mailbox','calendar','license','router','firewall','backup',
			  'screen','window','browser','plotter','terminal','modem','cable','battery','docking','headset','camera',
			  'projector','tablet','phone','badge','token','certificate','share','folder','drive','queue','spooler']""";

	static final String PROBLEMS = """
			array['hangs','crashes','freezes','times out','fails to start','prints blank pages','shows an error',
			  'is very slow','loses the connection','rejects the login','jams','does not sync','reboots','overheats',
			  'drops packets','corrupts the file','cannot be reached','is locked','expired','beeps','flickers',
			  'duplicates entries','misses updates','goes offline','refuses the card','loops at startup','stalls']""";

	static final String PLACES = """
			array['at submitting','after the update','on the third floor','in the hangar','at the pier',
			  'during the night shift','in building twelve','at the supply office','on board','at the depot',
			  'in the training room','at the gate','after a power cut','when printing labels','on the new image',
			  'in the field office','at month end','during inventory','on the second network','in the lab']""";

	@Param({ "1000000" })
	public int tickets;

	@Param({ "50000" })
	public int articles;

	private ServiceUnderTest service;

	private String token;

	@Setup(Level.Trial)
	public void start() throws Exception {
		service = ServiceUnderTest.start("tierdesk-search-bench", JVM_OPTIONS);
		String admin = ServiceUnderTest.ADMIN;
		service.post("/api/v1/programs", admin, "{\"key\":\"BENCH\",\"name\":\"Benchmark program\"}");
		String agent = service.post("/api/v1/users", admin, """
				{"username":"bench.agent","displayName":"Bench Agent","roles":["AGENT"],"programs":["BENCH"],
				 "password":"bench-agent-password"}""");
		String customer = service.post("/api/v1/users", admin, """
				{"username":"bench.customer","displayName":"Bench Customer","roles":["CUSTOMER"],
				 "programs":["BENCH"],"organization":"Bench Org"}""");
		String tier1 = service.post("/api/v1/programs/BENCH/groups", admin, "{\"name\":\"Service Desk\",\"tier\":1}");
		service.post("/api/v1/programs/BENCH/groups/" + ServiceUnderTest.id(tier1) + "/members", admin,
				"{\"userId\":" + ServiceUnderTest.id(agent) + "}");
		seed(ServiceUnderTest.id(agent), ServiceUnderTest.id(customer), ServiceUnderTest.id(tier1));
		index(admin);
		Matcher issued = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(service.post("/api/v1/users/me/tokens",
				ServiceUnderTest.basic("bench.agent", "bench-agent-password"), "{\"name\":\"bench\"}"));
		if (!issued.find()) {
			throw new IllegalStateException("no token issued");
		}
		token = "Bearer " + issued.group(1);
		service.signIn("bench.agent", "bench-agent-password");
	}

	private void seed(String agentId, String customerId, String tier1) throws Exception {
		long started = System.nanoTime();
		try (Connection db = service.database(); Statement sql = db.createStatement()) {
			var rs = sql.executeQuery("select id from program where program_key = 'BENCH'");
			rs.next();
			String program = rs.getString(1);
			sql.execute("""
					insert into ticket (id, version, number, program_id, kind, channel, subject, description, impact,
					  urgency, priority, status, requester_id, requester_organization, owner_id, owner_group_id, tier,
					  reopen_count, created_by, created_at, updated_at, active, priority_rank)
					select 50000000 + g, 0, 'BENCH-' || g, %1$s, 'INCIDENT', 'EMAIL',
					  initcap(w[1 + g %% 41]) || ' ' || p[1 + g %% 27] || ' ' || l[1 + g %% 20],
					  'The ' || w[1 + (g / 7) %% 41] || ' ' || p[1 + (g / 3) %% 27] || ' ' || l[1 + (g / 11) %% 20]
					    || ' and the ' || w[1 + (g / 13) %% 41] || ' next to it ' || p[1 + (g / 17) %% 27]
					    || '. Reported by the ' || w[1 + (g / 19) %% 41] || ' team, ticket ' || g || '.',
					  'MEDIUM', 'MEDIUM', 'MEDIUM',
					  (array['NEW','OPEN','OPEN','WAITING_ON_CUSTOMER','RESOLVED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + g %% 9],
					  %2$s, 'Bench Org', %3$s, %4$s, 1, 0, %3$s,
					  now() - (g || ' minutes')::interval, now() - (g || ' seconds')::interval, (1 + g %% 9) <= 4, 2
					from generate_series(1, %5$d) g, (select %6$s w, %7$s p, %8$s l) v
					""".formatted(program, customerId, agentId, tier1, tickets, WORDS, PROBLEMS, PLACES));
			sql.execute("""
					insert into ticket_entry (id, ticket_id, visibility, channel, author_id, body, created_at)
					select 50000000 + g, 50000000 + g, 'PUBLIC', 'EMAIL', %1$s,
					  'Tried restarting the ' || w[1 + (g / 23) %% 41] || ' but it still ' || p[1 + (g / 29) %% 27]
					    || ' ' || l[1 + (g / 31) %% 20] || '.', now() - (g || ' seconds')::interval
					from generate_series(1, %2$d) g, (select %3$s w, %4$s p, %5$s l) v where g %% 2 = 0
					""".formatted(customerId, tickets, WORDS, PROBLEMS, PLACES));
			sql.execute("""
					insert into knowledge_article (id, version, program_id, number, title, problem, symptoms, cause,
					  solution, keywords, audience, status, revision, author_id, validated_by, validated_at,
					  validated_revision, published_at, helpful, not_helpful, ticket_links, created_at, updated_at)
					select 60000000 + g, 0, %1$s, 'KB-B' || g,
					  initcap(w[1 + g %% 41]) || ' ' || p[1 + (g / 41) %% 27] || ' ' || l[1 + (g / 7) %% 20],
					  'Users report that the ' || w[1 + g %% 41] || ' ' || p[1 + (g / 41) %% 27] || '.',
					  'The ' || w[1 + (g / 5) %% 41] || ' ' || p[1 + (g / 13) %% 27] || ' ' || l[1 + (g / 3) %% 20] || '.',
					  'A known fault in the ' || w[1 + (g / 17) %% 41] || ' driver.',
					  'Restart the ' || w[1 + g %% 41] || ', clear the ' || w[1 + (g / 11) %% 41]
					    || ' cache and sign in again. Article ' || g || '.',
					  w[1 + g %% 41] || ' ' || w[1 + (g / 11) %% 41], 'PUBLIC', 'PUBLISHED', 1, %2$s, %2$s, now(), 1,
					  now(), 0, 0, 0, now(), now()
					from generate_series(1, %3$d) g, (select %4$s w, %5$s p, %6$s l) v
					""".formatted(program, agentId, articles, WORDS, PROBLEMS, PLACES));
			sql.execute("""
					insert into knowledge_article_system (article_id, system_name, versions)
					select 60000000 + g, 'System ' || (g %% 20), (array['2.0','2.1','3.0'])[1 + g %% 3]
					from generate_series(1, %d) g""".formatted(articles));
			sql.execute("analyze");
		}
		System.out.printf("%nseeded %,d tickets and %,d articles in %.1f s%n", tickets, articles,
				(System.nanoTime() - started) / 1e9);
	}

	/** The service's own rebuild, polled like the administration page's progress bar. */
	private void index(String admin) throws Exception {
		long started = System.nanoTime();
		service.post("/api/v1/search/index", admin, "{}");
		while (true) {
			Thread.sleep(2_000);
			String progress = service.get("/api/v1/search/index", admin);
			if (progress.contains("\"error\":\"")) {
				throw new IllegalStateException("indexing failed: " + progress);
			}
			if (progress.contains("\"running\":false")) {
				double seconds = (System.nanoTime() - started) / 1e9;
				System.out.printf("%nindexed %,d documents in %.1f s: %,.0f documents/s (%s)%n", tickets + articles,
						seconds, (tickets + articles) / seconds, progress);
				return;
			}
		}
	}

	private int search(String path) throws Exception {
		HttpResponse<byte[]> r = service.http.send(HttpRequest.newBuilder(URI.create(service.baseUrl + path))
			.header("Authorization", token).build(), HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200 || r.body().length < 10) {
			throw new IllegalStateException(path + " answered " + r.statusCode() + " " + new String(r.body()));
		}
		return r.body().length;
	}

	private static String q(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Three words, unfinished tickets only (a filter), 20 hits with snippets. */
	@Benchmark
	public int ticketsThreeWordsUnfinished() throws Exception {
		return search("/api/v1/programs/BENCH/tickets/search?unfinished=true&limit=20&text=" + q("printer jams hangar"));
	}

	@Benchmark
	public int ticketsThreeWordsAll() throws Exception {
		return search("/api/v1/programs/BENCH/tickets/search?limit=20&text=" + q("scanner freezes update"));
	}

	/** Three words, filtered by system and version, as Tier 1 asks for answers. */
	@Benchmark
	public int articlesThreeWordsSystemVersion() throws Exception {
		return search("/api/v1/programs/BENCH/articles/search?system=" + q("System 7") + "&version=2.1&limit=10&text="
				+ q("printer blank pages"));
	}

	/** The same with a typo: the words as written find too little, so a second pass forgives one typo a word. */
	@Benchmark
	public int articlesWithATypoSystemVersion() throws Exception {
		return search("/api/v1/programs/BENCH/articles/search?system=" + q("System 7") + "&version=2.1&limit=10&text="
				+ q("printer blnk pages"));
	}

	/** What the workspace asks on every ticket it opens: tickets whose subject shares words with this one's. */
	@Benchmark
	public int similarTickets() throws Exception {
		HttpResponse<byte[]> r = service.http.send(HttpRequest.newBuilder(URI.create(service.baseUrl
				+ "/api/v1/tickets/BENCH-4242/similar?limit=5")).header("Authorization", token).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("similar answered " + r.statusCode());
		}
		return r.body().length;
	}

	/**
	 * The whole workspace page of one ticket: similar tickets, related articles, and the rest — here the requester's
	 * other open tickets, which for the benchmark's one customer are a third of a million.
	 */
	@Benchmark
	public int ticketWorkspace() throws Exception {
		return service.page("/console/tickets/BENCH-4242");
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		service.close();
	}
}
