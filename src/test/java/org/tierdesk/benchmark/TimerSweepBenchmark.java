package org.tierdesk.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tierdesk.TierdeskApplication;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.sla.SlaBreached;
import org.tierdesk.sla.SlaForms.PolicyForm;
import org.tierdesk.sla.SlaForms.TargetForm;
import org.tierdesk.support.PostgresForTests;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The timer engine under load, on PostgreSQL: {@code backgroundClocks} clocks of open tickets that are not due
 * (inserted directly), and 10,000 real tickets opened within about a minute whose first-response clocks (2 minutes)
 * all fall due within about a minute. Measures, for each breach, the delay from its due instant to the commit that
 * published it, and the time of each sweep batch. Run:
 * {@code ./mvnw -Pbenchmark verify -Djmh.args="TimerSweepBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class TimerSweepBenchmark {

	static final int DUE = 10_000;

	@Param({ "0", "1000000" })
	public int backgroundClocks;

	EmbeddedPostgres postgres;

	ConfigurableApplicationContext app;

	/** Delays from due to published breach, as committed. */
	public static final ConcurrentLinkedQueue<Long> DELAYS_MS = new ConcurrentLinkedQueue<>();

	/** Records each breach after its transaction commits. */
	public static class Recorder {

		@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
		public void on(SlaBreached breached) {
			DELAYS_MS.add(Duration.between(breached.dueAt(), Instant.now()).toMillis());
		}
	}

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		postgres = PostgresForTests.durable().setServerConfig("max_connections", "100").start();
		app = new SpringApplicationBuilder(TierdeskApplication.class, Recorder.class)
			.initializers(new ProductionBeansOnly()).run(
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
				"--tierdesk.security.admin-password=bench-admin-pw", "--tierdesk.sla.sweep-interval=500ms",
				"--tierdesk.escalation.sweep-interval=1h", "--tierdesk.data-dir=target/bench-data");
		ProductionBeansOnly.check(app);
		Program program = app.getBean(Programs.class).create("TIMER", new ProgramSettings("Timers", "UTC", null, false, 5));
		SupportGroups groups = app.getBean(SupportGroups.class);
		groups.create(program.id(), "Desk", 1, null, null);
		groups.create(program.id(), "Specialists", 2, null, null);
		Accounts accounts = app.getBean(Accounts.class);
		Person manager = accounts.create(new NewAccount("timer.manager", "Manager", null, null, null, null,
				"manager-password-1", EnumSet.of(Role.PROGRAM_MANAGER), Set.of(program.id())));
		Person agent = accounts.create(new NewAccount("timer.agent", "Agent", null, null, null, null,
				"agent-password-1", EnumSet.of(Role.AGENT), Set.of(program.id())));
		Person customer = accounts.create(new NewAccount("timer.customer", "Customer", null, null, "Org", null,
				"customer-password-1", EnumSet.of(Role.CUSTOMER), Set.of(program.id())));
		// no escalation ladder: only the SLA clocks are measured
		app.getBean(JdbcTemplate.class).update("insert into escalation_ladder (program_id, version, document, updated_by, "
				+ "updated_at) values (?, 0, '{\"steps\":[]}', ?, now())", program.id(), manager.id());
		app.getBean(ServiceLevels.class).definePolicy(manager.principal(), "TIMER", "Fast",
				new PolicyForm(null, null, 100, null, java.util.Map.of("MEDIUM", new TargetForm(2, null, null))));
		if (backgroundClocks > 0) {
			app.getBean(JdbcTemplate.class).update("""
					insert into sla_clock (id, version, ticket_id, program_id, kind, assignment_key, tier, source,
					  target_seconds, state, started_at, elapsed_seconds, paused_seconds, computed_at, next_check_at, due_at)
					select 1000000000 + g, 0, -g, ?, 'RESOLUTION', 0, 1, 'background', 86400, 'RUNNING', now(), 0, 0, now(),
					  now() + interval '365 days', now() + interval '365 days'
					from generate_series(1, ?) g""", program.id(), backgroundClocks);
			app.getBean(JdbcTemplate.class).execute("analyze sla_clock");
		}
		DeskPrincipal me = agent.principal();
		Tickets tickets = app.getBean(Tickets.class);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> opened = new ArrayList<>();
		long started = System.nanoTime();
		for (int i = 0; i < DUE; i++) {
			int n = i;
			opened.add(pool.submit(() -> tickets.open(me, new OpenTicket("TIMER", customer.id(), TicketKind.INCIDENT,
					Channel.PHONE, "Timer " + n, "Falls due soon", null, null, null, null), null)));
		}
		for (Future<?> f : opened) {
			f.get();
		}
		pool.shutdown();
		System.out.printf("%n%d tickets opened in %.1f s; %d background clocks%n", DUE,
				(System.nanoTime() - started) / 1e9, backgroundClocks);
		DELAYS_MS.clear();
	}

	/** Waits until every one of the 10,000 clocks has breached and its breach was published. */
	@Benchmark
	public int allDueClocksFire() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (DELAYS_MS.size() < DUE && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return DELAYS_MS.size();
	}

	@TearDown(Level.Trial)
	public void report() throws Exception {
		List<Long> delays = new ArrayList<>(DELAYS_MS);
		Collections.sort(delays);
		Timer batches = app.getBean(MeterRegistry.class).find("tierdesk.sla.sweep.batch").timer();
		System.out.printf("%nbackground clocks %d: %d breaches; delay due -> published p50 %d ms, p99 %d ms, max %d ms%n",
				backgroundClocks, delays.size(), pct(delays, 0.50), pct(delays, 0.99),
				delays.isEmpty() ? -1 : delays.get(delays.size() - 1));
		if (batches != null) {
			System.out.printf("sweep batches: %d, mean %.1f ms, max %.1f ms (batches of up to %d clocks)%n",
					batches.count(), batches.mean(TimeUnit.MILLISECONDS), batches.max(TimeUnit.MILLISECONDS), 50);
		}
		app.close();
		postgres.close();
	}

	private static long pct(List<Long> sorted, double p) {
		return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
	}
}
