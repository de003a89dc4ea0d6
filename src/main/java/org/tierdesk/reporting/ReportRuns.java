package org.tierdesk.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tierdesk.program.Program;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StoredFiles;

/**
 * Report files made in the background. Asking checks everything at once (program, reports, period, format — a bad
 * one is refused before anything runs); the file is then made on a worker, its progress (reports done of all) kept in
 * the database, and the file stored when done. The page waits up to a second: a quick report downloads at once, a
 * longer one shows its progress and offers the file when it is ready. Only the person who asked gets the file.
 */
@Service
public class ReportRuns {

	private static final Logger log = LoggerFactory.getLogger(ReportRuns.class);

	/** A run as its requester sees it. */
	public record Run(String id, String program, List<String> reports, LocalDate from, LocalDate to, String format,
			String status, int done, int total, String fileName, Long sizeBytes, String error, Instant createdAt,
			Instant finishedAt) {

		public boolean finished() {
			return !"RUNNING".equals(status);
		}

		public int percent() {
			return total == 0 ? 100 : done * 100 / total;
		}
	}

	/** A finished run's file. */
	public record File(String name, String contentType, byte[] bytes) {
	}

	/** How long a finished run and its file are kept. */
	static final Duration KEPT = Duration.ofDays(7);

	/**
	 * Forgets runs finished more than {@link #KEPT} ago and deletes their files; each row is deleted by one instance,
	 * which then deletes the file.
	 */
	@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public int forgetOld() {
		int forgotten = 0;
		for (Map<String, Object> old : jdbc.sql("select id, file_key from reporting_run where finished_at < :before "
				+ "fetch first 500 rows only").param("before", DateRange.utc(clock.instant().minus(KEPT))).query().listOfRows()) {
			if (jdbc.sql("delete from reporting_run where id = :id").param("id", old.get("id")).update() == 1) {
				if (old.get("file_key") != null) {
					files.delete((String) old.get("file_key"));
				}
				forgotten++;
			}
		}
		return forgotten;
	}

	/** A run whose worker stopped sending heartbeats this long ago (its instance died) is marked failed. */
	static final Duration STALE = Duration.ofMinutes(5);

	static final int QUEUE = 20;

	private final ExecutorService workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(QUEUE), r -> {
				Thread t = new Thread(r, "report-run");
				t.setDaemon(true);
				return t;
			});

	private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final PeriodicReports reports;

	private final StoredFiles files;

	private final Clock clock;

	private final org.tierdesk.program.Programs programs;

	ReportRuns(JdbcClient jdbc, PeriodicReports reports, StoredFiles files, Clock clock,
			org.tierdesk.program.Programs programs) {
		this.programs = programs;
		this.jdbc = jdbc;
		this.reports = reports;
		this.files = files;
		this.clock = clock;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	/** Checks the request and starts making the file; answers the run at once. */
	public Run start(DeskPrincipal me, String programKey, List<String> kindNames, LocalDate from, LocalDate to,
			String formatName) {
		Program program = reports.program(me, programKey);
		List<PeriodicReports.Kind> kinds = PeriodicReports.kinds(kindNames);
		LocalDate[] period = reports.period(program, from, to);
		ReportFormat format = ReportFormat.parse(formatName);
		String id = UUID.randomUUID().toString();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into reporting_run (id, program_id, requested_by, kinds, from_date, to_date, format, status, done,
				  total, created_at, heartbeat_at)
				values (:id, :program, :by, :kinds, :from, :to, :format, 'RUNNING', 0, :total, :now, :now)""")
			.param("id", id).param("program", program.id()).param("by", me.accountId())
			.param("kinds", String.join(",", kinds.stream().map(Enum::name).toList())).param("from", period[0])
			.param("to", period[1]).param("format", format.name()).param("total", kinds.size())
			.param("now", DateRange.utc(now)).update();
		CompletableFuture<Void> done = new CompletableFuture<>();
		running.put(id, done);
		try {
			workers.execute(() -> make(me, id, program, kinds, period, format, done));
		}
		catch (java.util.concurrent.RejectedExecutionException busy) {
			running.remove(id);
			fail(id, "the desk is making too many reports at once; try again in a minute");
			throw new RuleViolationException("report", "the desk is making too many reports at once; try again in a "
					+ "minute");
		}
		return get(me, id);
	}

	/** Waits up to {@code wait} for a run this instance is making; answers it as it then stands. */
	public Run await(DeskPrincipal me, String id, Duration wait) {
		CompletableFuture<Void> f = running.get(id);
		if (f != null) {
			try {
				f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stillGoing) {
				// the page shows the progress instead
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return get(me, id);
	}

	public Run get(DeskPrincipal me, String id) {
		return find(me, id).orElseThrow(() -> new NotFoundException("no report run " + id));
	}

	/** The person's recent runs, newest first. */
	public List<Run> mine(DeskPrincipal me, int limit) {
		return jdbc.sql(SELECT + " where r.requested_by = :by order by r.created_at desc fetch first "
				+ Math.max(1, Math.min(limit, 100)) + " rows only")
			.param("by", me.accountId()).query((rs, i) -> row(rs)).list();
	}

	public File file(DeskPrincipal me, String id) {
		Run run = get(me, id);
		if (!"DONE".equals(run.status())) {
			throw new RuleViolationException("status", "the report is not ready: " + run.status().toLowerCase()
					+ (run.error() == null ? "" : " (" + run.error() + ")"));
		}
		Map<String, Object> row = jdbc.sql("select file_key, content_type from reporting_run where id = :id")
			.param("id", id).query().singleRow();
		return new File(run.fileName(), (String) row.get("content_type"), files.read((String) row.get("file_key")));
	}

	private void make(DeskPrincipal me, String id, Program program, List<PeriodicReports.Kind> kinds,
			LocalDate[] period, ReportFormat format, CompletableFuture<Void> done) {
		try {
			List<PeriodicReports.Report> made = reports.run(me, program.key(), kinds, period[0], period[1],
					n -> jdbc.sql("update reporting_run set done = :done, heartbeat_at = :now where id = :id")
						.param("done", n).param("now", DateRange.utc(clock.instant())).param("id", id).update());
			byte[] bytes = format.write(made);
			String key = files.store("reports", bytes);
			String name = program.key().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "") + "-"
					+ (kinds.size() == 1 ? kinds.get(0).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
							: "reports")
					+ "-" + period[0] + "-to-" + period[1].minusDays(1) + "." + format.extension;
			jdbc.sql("""
					update reporting_run set status = 'DONE', done = total, file_key = :key, file_name = :name,
					  content_type = :type, size_bytes = :size, finished_at = :now, heartbeat_at = :now where id = :id""")
				.param("key", key).param("name", name).param("type", format.contentType).param("size", bytes.length)
				.param("now", DateRange.utc(clock.instant())).param("id", id).update();
		}
		catch (RuntimeException e) {
			log.warn("Report run {} failed", id, e);
			fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
		}
		finally {
			done.complete(null);
			running.remove(id);
		}
	}

	private void fail(String id, String why) {
		jdbc.sql("update reporting_run set status = 'FAILED', error = :error, finished_at = :now where id = :id")
			.param("error", why.length() > 2000 ? why.substring(0, 2000) : why).param("now", DateRange.utc(clock.instant()))
			.param("id", id).update();
	}

	private static final String SELECT = """
			select r.id, r.program_id, r.kinds, r.from_date, r.to_date, r.format, r.status, r.done, r.total, r.file_name,
			  r.size_bytes, r.error, r.created_at, r.finished_at, r.heartbeat_at, r.requested_by
			from reporting_run r""";

	private Optional<Run> find(DeskPrincipal me, String id) {
		if (id == null || !id.matches("[0-9a-f-]{36}")) {
			return Optional.empty();
		}
		Optional<Run> run = jdbc.sql(SELECT + " where r.id = :id and r.requested_by = :by").param("id", id)
			.param("by", me.accountId()).query((rs, i) -> row(rs)).optional();
		if (run.isPresent() && !run.get().finished() && !running.containsKey(id)) {
			OffsetDateTime beat = jdbc.sql("select heartbeat_at from reporting_run where id = :id").param("id", id)
				.query(OffsetDateTime.class).single();
			if (beat.toInstant().isBefore(clock.instant().minus(STALE))) {
				fail(id, "the instance making it stopped; ask for the report again");
				return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query((rs, i) -> row(rs)).optional();
			}
		}
		return run;
	}

	private Run row(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		Long size = rs.getObject("size_bytes") == null ? null : rs.getLong("size_bytes");
		return new Run(rs.getString("id"), programs.byId(rs.getLong("program_id")).key(),
				List.of(rs.getString("kinds").split(",")), rs.getObject("from_date", LocalDate.class),
				rs.getObject("to_date", LocalDate.class), rs.getString("format"), rs.getString("status"),
				rs.getInt("done"), rs.getInt("total"), rs.getString("file_name"), size,
				rs.getString("error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}
}
