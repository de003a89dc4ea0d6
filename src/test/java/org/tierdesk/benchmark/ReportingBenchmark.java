package org.tierdesk.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Reports at volume: {@link DeskDataGenerator} writes 1,000,000 tickets over two years across 20 programs; then, as
 * the manager of one program (50,000 tickets), the monthly report pack — every periodic report for last month, as PDF
 * and as CSV, asked for over the API and polled until the file is there, then downloaded — and the dashboard page
 * (goals, volume trend, attainment, ageing, tier flow, arrivals and staffing heat maps, over twelve weeks) as the
 * console renders it. Timed from request to last byte over loopback. Target: under 2 s each. Run with
 * {@code ./mvnw -Pbenchmark verify -Djmh.args="Reporting -rf text -rff target/jmh-reporting.txt"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
public class ReportingBenchmark {

	static final String JVM_OPTIONS = System.getProperty("tierdesk.bench.jvm", "-Xmx1g -XX:+UseG1GC");

	@Param({ "1000000" })
	public int tickets;

	@Param({ "20" })
	public int programs;

	private ServiceUnderTest service;

	private String manager;

	private String lastMonth;

	@Setup(Level.Trial)
	public void start() throws Exception {
		service = ServiceUnderTest.start("tierdesk-reporting-bench", JVM_OPTIONS);
		DeskDataGenerator.generate(service, programs, tickets, 730);
		manager = ServiceUnderTest.basic("p01.manager", DeskDataGenerator.PASSWORD);
		LocalDate first = LocalDate.now(ZoneId.of(DeskDataGenerator.ZONES[0])).withDayOfMonth(1);
		lastMonth = "\"from\":\"%s\",\"to\":\"%s\"".formatted(first.minusMonths(1), first);
		service.signIn("p01.manager", DeskDataGenerator.PASSWORD);
		System.out.printf("%nmonthly pack (PDF) once: %,d bytes%n", monthlyReportPackPdf());
		System.out.printf("monthly pack (CSV) once: %,d bytes%n", monthlyReportPackCsv());
		System.out.printf("dashboard once: %,d bytes%n", dashboardPage());
	}

	@TearDown(Level.Trial)
	public void stop() throws Exception {
		service.close();
	}

	/** Every periodic report of last month for one program, as a PDF: asked, polled, downloaded. */
	@Benchmark
	public int monthlyReportPackPdf() throws Exception {
		return pack("PDF");
	}

	@Benchmark
	public int monthlyReportPackCsv() throws Exception {
		return pack("CSV");
	}

	/** The console's dashboard page of one program, by week over the last twelve weeks. */
	@Benchmark
	public int dashboardPage() throws Exception {
		return service.page("/console/reports?program=P01&period=WEEK");
	}

	private int pack(String format) throws Exception {
		String run = service.post("/api/v1/programs/P01/report-runs", manager,
				"{" + lastMonth + ",\"format\":\"" + format + "\"}");
		Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(run);
		if (!id.find()) {
			throw new IllegalStateException("no run in " + run);
		}
		while (!run.contains("\"status\":\"DONE\"")) {
			if (run.contains("\"status\":\"FAILED\"")) {
				throw new IllegalStateException("the pack failed: " + run);
			}
			Thread.sleep(20);
			run = service.get("/api/v1/report-runs/" + id.group(1), manager);
		}
		HttpResponse<byte[]> file = service.http.send(HttpRequest.newBuilder(URI.create(service.baseUrl
				+ "/api/v1/report-runs/" + id.group(1) + "/file")).header("Authorization", manager).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (file.statusCode() != 200 || file.body().length < 100) {
			throw new IllegalStateException("the file answered " + file.statusCode());
		}
		return file.body().length;
	}
}
