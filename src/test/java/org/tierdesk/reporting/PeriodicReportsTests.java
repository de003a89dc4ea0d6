package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.Pages;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.support.TestMailServer;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The periodic reports: on screen, as CSV (formula-like cells neutralised) and as PDF, made in the background with
 * their progress, refused by name when asked wrongly, kept to the program's staff, and — scheduled — mailed to each
 * recipient once per period.
 */
@DeskTest
class PeriodicReportsTests {

	@Autowired
	Api api;

	@Autowired
	Pages pages;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	ReportSchedules schedules;

	@Autowired
	ReportRuns runs;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
	}

	String resolvedTicket(String subject) {
		Response t = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE","subject":"%s","description":"d",
				 "facts":{"location":"=HYPERLINK(\\"http://evil\\")","affectedSystem":"R-Supply"}}"""
			.formatted(d.key(), d.customer().id(), subject));
		assertThat(t.status()).as(t.toString()).isEqualTo(201);
		String number = t.json("$.number");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/ownership", null);
		Response resolved = api.put(d.agent1(), "/api/v1/tickets/" + number + "/resolution",
				"{\"code\":\"SOLVED\",\"solution\":\"Cleared the print queue\"}");
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		return number;
	}

	String path(String rest) {
		return "/api/v1/programs/" + d.key() + rest;
	}

	@Test
	void eachReportIsOnScreenAsCsvAndAsPdfWithTheLessonsRecordedOnTickets() throws Exception {
		String number = resolvedTicket("Printer queue stuck");
		assertThat(api.put(d.customer(), "/api/v1/tickets/" + number + "/lesson", "{\"summary\":\"x\"}").status())
			.as("customers record no lessons").isIn(403, 404);
		Response lesson = api.put(d.agent1(), "/api/v1/tickets/" + number + "/lesson",
				"{\"summary\":\"Check the spooler before reinstalling drivers\"}");
		assertThat(lesson.status()).as(lesson.toString()).isEqualTo(200);
		assertThat(api.get(d.agent1(), "/api/v1/tickets/" + number + "/history").body()).contains("LESSON_LEARNED");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.get(d.manager(), path("/reports/lessons_learned")).<List<String>>json("$.tables[0].rows[*][3]"))
			.containsExactly("Check the spooler before reinstalling drivers"));
		Response calls = api.get(d.manager(), path("/reports/TROUBLE_CALLS"));
		assertThat(calls.<String>json("$.title")).isEqualTo("Trouble calls");
		assertThat(calls.<List<String>>json("$.tables[1].rows[*][0]")).containsExactly(number);
		Response workload = api.get(d.manager(), path("/reports/agent_workload"));
		assertThat(workload.<List<Object>>json("$.tables[0].rows[0]")).as(workload.toString())
			.startsWith(d.agent1().displayName(), 1, 1, 1, 1);
		assertThat(api.get(d.manager(), path("/reports/KNOWLEDGE_USAGE")).<List<Integer>>json("$.tables[0].rows[0]"))
			.containsExactly(0, 0);
		Response sites = api.get(d.manager(), path("/reports/SITE_STATUS"));
		assertThat(sites.<List<String>>json("$.tables[0].rows[*][0]")).contains("=HYPERLINK(\"http://evil\")");

		Response csv = api.post(d.manager(), path("/report-runs"),
				"{\"reports\":[\"TROUBLE_CALLS\",\"SITE_STATUS\",\"LESSONS_LEARNED\"],\"format\":\"CSV\"}");
		assertThat(csv.status()).as(csv.toString()).isIn(201, 202);
		String id = csv.json("$.id");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "DONE".equals(api.get(d.manager(), "/api/v1/report-runs/" + id).json("$.status")));
		Response file = api.get(d.manager(), "/api/v1/report-runs/" + id + "/file");
		assertThat(file.raw().getContentType()).startsWith("text/csv");
		assertThat(file.header("Content-Disposition")).contains("attachment").contains(".csv");
		assertThat(file.body()).contains("Trouble calls — Trouble calls", number,
				"Check the spooler before reinstalling drivers")
			.as("a formula-like site is neutralised").contains("'=HYPERLINK").doesNotContain(",=HYPERLINK");
		assertThat(api.get(d.agent1(), "/api/v1/report-runs/" + id).status()).as("only who asked").isEqualTo(404);

		Response pdfRun = api.post(d.manager(), path("/report-runs"), "{\"format\":\"PDF\"}");
		String pdfId = pdfRun.json("$.id");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DONE".equals(api.get(d.manager(), "/api/v1/report-runs/" + pdfId).json("$.status")));
		byte[] pdf = api.get(d.manager(), "/api/v1/report-runs/" + pdfId + "/file").raw().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		PdfReader reader = new PdfReader(pdf);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString()).contains("Trouble calls", "Site status", "Deficiency reports", "Advisory notices",
				"Lessons learned", "Service levels", "Customer satisfaction", number);
		assertThat(api.get(d.manager(), "/api/v1/report-runs/" + pdfId).<Integer>json("$.done"))
			.isEqualTo(PeriodicReports.Kind.values().length);
	}

	@Test
	void lessonsAreRecordedFromTheConsoleOnTicketsAndDeficiencyReportsAndWithdrawnWhenBlank() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), d.program().timeZone());
		org.tierdesk.support.Directories.engineeringAuthorityFor(api, d, today, "R-Supply");
		String number = resolvedTicket("Requisition lost");
		Response dr = api.post(d.agent1(), path("/deficiencies"), """
				{"system":"R-Supply","versionFound":"4.2","severity":"HIGH","title":"Lost requisitions",
				 "description":"They vanish","tickets":["%s"]}""".formatted(number));
		assertThat(dr.status()).as(dr.toString()).isEqualTo(201);
		String drNumber = dr.json("$.number");

		Pages.Page open = pages.get(d.agent1(), "/console/tickets/" + number);
		assertThat(open.html()).contains("data-testid=\"lesson-form\"");
		long version = ((Number) api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.version")).longValue();
		Pages.Page recorded = pages.post(d.agent1(), "/console/tickets/" + number + "/lesson", "version",
				String.valueOf(version), "summary", "Ask for the requisition number first");
		assertThat(recorded.flash()).containsEntry("done", "lesson");
		long drVersion = ((Number) api.get(d.agent1(), "/api/v1/deficiencies/" + drNumber).json("$.version")).longValue();
		Pages.Page drRecorded = pages.post(d.agent2(), "/console/deficiencies/" + drNumber + "/lesson", "version",
				String.valueOf(drVersion), "summary", "Index the requisition table before go-live");
		assertThat(drRecorded.flash()).containsEntry("done", "lesson");
		assertThat(api.get(d.agent1(), "/api/v1/deficiencies/" + drNumber + "/history").body()).contains("LESSON_LEARNED");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.get(d.manager(), path("/reports/LESSONS_LEARNED")).<List<String>>json("$.tables[0].rows[*][3]"))
			.containsExactlyInAnyOrder("Ask for the requisition number first",
					"Index the requisition table before go-live"));

		assertThat(api.put(d.agent1(), "/api/v1/tickets/" + number + "/lesson", "{\"summary\":\" \"}").status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				api.get(d.manager(), path("/reports/LESSONS_LEARNED")).<List<String>>json("$.tables[0].rows[*][3]"))
			.containsExactly("Index the requisition table before go-live"));
		String open2 = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"s","description":"d"}"""
			.formatted(d.key(), d.customer().id())).json("$.number");
		Response tooEarly = api.put(d.agent1(), "/api/v1/tickets/" + open2 + "/lesson", "{\"summary\":\"x\"}");
		assertThat(tooEarly.status()).as("a lesson comes from a resolved ticket").isEqualTo(409);
	}

	@Test
	void badRequestsAreRefusedByNameAndOtherProgramsReportsAreNotFound() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), d.program().timeZone());
		Response unknown = api.post(d.manager(), path("/report-runs"), "{\"reports\":[\"GOSSIP\"]}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("report");
		Response backwards = api.post(d.manager(), path("/report-runs"),
				"{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today, today.minusDays(3)));
		assertThat(backwards.<String>json("$.errors[0].field")).isEqualTo("to");
		assertThat(api.post(d.manager(), path("/report-runs"), "{\"from\":\"%s\"}".formatted(today.minusYears(6)))
			.<String>json("$.errors[0].field")).isEqualTo("from");
		assertThat(api.post(d.manager(), path("/report-runs"), "{\"format\":\"XLS\"}").<String>json("$.errors[0].field"))
			.isEqualTo("format");
		assertThat(api.get(d.manager(), path("/reports/TROUBLE_CALLS?from=" + today + "&to=" + today))
			.<String>json("$.errors[0].field")).isEqualTo("to");
		assertThat(api.get(testDesk.create().manager(), path("/reports/TROUBLE_CALLS")).status()).isEqualTo(404);
		assertThat(api.get(d.customer(), path("/reports/TROUBLE_CALLS")).status()).isIn(403, 404);
		assertThat(api.get(d.manager(), "/api/v1/report-runs/00000000-0000-0000-0000-000000000000").status())
			.isEqualTo(404);
		assertThat(api.get(d.manager(), "/api/v1/report-runs/../../etc").status()).isIn(400, 404);
	}

	@Test
	void aFileTakingLongerThanASecondShowsItsProgressAndIsOfferedWhenDone() {
		ReportRuns.Run run = runs.start(d.manager().principal(), d.key(), List.of(), null, null, "PDF");
		assertThat(run.total()).isEqualTo(PeriodicReports.Kind.values().length);
		Pages.Page page = pages.get(d.manager(), "/console/reports/runs/" + run.id());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("data-testid=\"run-progress\"");
		if (!runs.get(d.manager().principal(), run.id()).finished()) {
			assertThat(page.html()).as("still running: a progress bar that polls").contains("role=\"progressbar\"")
				.contains("hx-trigger=\"every 1s\"");
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> runs.get(d.manager().principal(), run.id()).finished());
		Pages.Page done = pages.htmx(d.manager(), "/console/reports/runs/" + run.id() + "/progress", "run-progress");
		assertThat(done.html()).contains("data-testid=\"run-file\"").doesNotContain("every 1s");
		assertThat(pages.get(d.agent1(), "/console/reports/runs/" + run.id()).status()).isEqualTo(404);
		assertThat(pages.get(d.manager(), "/console/reports/runs/" + run.id() + "/file").raw().getContentType())
			.isEqualTo("application/pdf");
		clock.advance(Duration.ofDays(8));
		assertThat(runs.forgetOld()).as("a week later the run and its file are gone").isGreaterThanOrEqualTo(1);
		assertThat(pages.get(d.manager(), "/console/reports/runs/" + run.id()).status()).isEqualTo(404);
	}

	@Test
	void aScheduledReportReachesEachRecipientOncePerPeriod() throws Exception {
		TestMailServer.get();
		String lead = "lead." + d.key().toLowerCase() + "@example.org";
		String boss = "boss." + d.key().toLowerCase() + "@example.org";
		String body = """
				{"name":"Weekly pack","reports":["TROUBLE_CALLS","SERVICE_LEVELS"],"frequency":"DAILY","format":"PDF",
				 "recipients":["%s, %s"]}""".formatted(lead, boss);
		assertThat(api.post(d.agent1(), path("/report-schedules"), body).status()).as("managers schedule")
			.isEqualTo(403);
		Response bad = api.post(d.manager(), path("/report-schedules"), """
				{"name":"x","frequency":"HOURLY","recipients":["a@example.org"]}""");
		assertThat(bad.<String>json("$.errors[0].field")).isEqualTo("frequency");
		Response badAddress = api.post(d.manager(), path("/report-schedules"), """
				{"name":"x","frequency":"DAILY","recipients":["not an address"]}""");
		assertThat(badAddress.<String>json("$.errors[0].field")).isEqualTo("recipients[0]");
		Response created = api.post(d.manager(), path("/report-schedules"), body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = ((Number) created.json("$.id")).longValue();
		assertThat(api.post(d.manager(), path("/report-schedules"), body).<String>json("$.errors[0].field"))
			.isEqualTo("name");

		resolvedTicket("Scanner offline");
		clock.advance(Duration.ofDays(1).plusHours(1));
		// two sweeps at once, as two instances would: the period goes out once
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		var a = pool.submit(schedules::sweep);
		var b = pool.submit(schedules::sweep);
		a.get();
		b.get();
		pool.shutdown();
		schedules.sweep();

		for (String to : List.of(lead, boss)) {
			MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to), m -> m.size() >= 1)
				.get(0);
			assertThat(mail.getSubject()).contains("[" + d.key() + "] Weekly pack");
			assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
			MimeMultipart parts = (MimeMultipart) mail.getContent();
			assertThat(parts.getCount()).isEqualTo(2);
			assertThat(parts.getBodyPart(1).getFileName()).endsWith(".pdf");
			byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
			assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		}
		Thread.sleep(1500);
		assertThat(mailsTo(lead)).as("once").hasSize(1);
		assertThat(mailsTo(boss)).as("once").hasSize(1);
		Map<String, Object> listed = api.get(d.agent1(), path("/report-schedules")).<List<Map<String, Object>>>json("$")
			.get(0);
		assertThat(listed).containsEntry("name", "Weekly pack").containsKey("lastFrom");

		assertThat(api.call(d.agent1(), HttpMethod.DELETE, path("/report-schedules/" + id), null, Map.of()).status())
			.isEqualTo(403);
		assertThat(api.call(d.manager(), HttpMethod.DELETE, path("/report-schedules/" + id), null, Map.of()).status())
			.isEqualTo(204);
	}

	static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}
}
