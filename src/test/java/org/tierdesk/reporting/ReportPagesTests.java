package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/**
 * The dashboard, server side: goals, volume trend, attainment, backlog ageing, tier flow, arrivals and staffing heat
 * maps as SVG, each with its table, and the same data as JSON and CSV.
 */
@DeskTest
class ReportPagesTests {

	@Autowired
	Pages pages;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Test
	void theDashboardDrawsTheVolumeTrendAndTheStaffingWeekWithTheirNumbers() {
		Desk d = testDesk.create();
		for (int i = 0; i < 3; i++) {
			api.post(d.agent1(), "/api/v1/tickets", """
					{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE","subject":"s%d","description":"d"}"""
				.formatted(d.key(), d.customer().id(), i));
		}
		String number = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE","subject":"up and back","description":"d"}"""
			.formatted(d.key(), d.customer().id())).json("$.number");
		api.post(d.agent1(), "/api/v1/tickets/" + number + "/ownership", null);
		Api.Response escalated = api.post(d.agent1(), "/api/v1/tickets/" + number + "/escalations",
				"{\"tier\":2,\"reason\":\"specialist\"}");
		assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
		Integer assignment = escalated.json("$.assignment.id");
		assertThat(api.post(d.agent2(), "/api/v1/tickets/" + number + "/assignments/" + assignment + "/return",
				"{\"findings\":\"fixed\"}").status()).isLessThan(300);
		assertThat(api.put(d.manager(), "/api/v1/programs/" + d.key() + "/goals/SLA_ATTAINMENT", "{\"target\":0.95}")
			.status()).isEqualTo(200);

		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
			Api.Response json = api.get(d.manager(), "/api/v1/programs/" + d.key() + "/dashboard?period=DAY");
			assertThat(json.body()).as("Tier 1 to 2 and back").contains(
					"\"tierFlow\":[{\"from\":1,\"to\":2,\"count\":1},{\"from\":2,\"to\":1,\"count\":1}]");
		});
		Api.Response json = api.get(d.manager(), "/api/v1/programs/" + d.key() + "/dashboard?period=DAY");
		assertThat(json.<Integer>json("$.ageing[0].tickets")).as("four opened just now").isEqualTo(4);
		assertThat(json.<java.util.List<java.util.List<Integer>>>json("$.arrivals").stream().flatMap(java.util.List::stream)
			.mapToInt(Integer::intValue).sum()).isEqualTo(4);
		assertThat(json.<String>json("$.goals.goals[0].metric")).isEqualTo("SLA_ATTAINMENT");

		Page page = pages.get(d.manager(), "/console/reports?program=" + d.key() + "&period=DAY");
		assertThat(page.status()).as(page.html()).isEqualTo(200);
		String html = page.html();
		assertThat(html).contains("data-testid=\"volume-chart\"", "class=\"chart-line line-opened\"",
				"data-testid=\"metrics-table\"", "data-testid=\"staffing-chart\"", "data-testid=\"staffing-table\"",
				"data-testid=\"attainment-chart\"", "data-testid=\"attainment-table\"", "data-testid=\"ageing-chart\"",
				"data-testid=\"ageing-table\"", "data-testid=\"flow-chart\"", "data-testid=\"flow-table\"",
				"data-testid=\"arrivals-chart\"", "data-testid=\"arrivals-table\"", "data-goal=\"SLA_ATTAINMENT\"",
				"Tier 1 → Tier 2");
		assertThat(html.split("class=\"heat-", -1)).as("one cell per hour of the week").hasSize(168 + 1);
		assertThat(html.split("class=\"arr-", -1)).as("one cell per hour of the week").hasSize(168 + 1);

		String csv = api.get(d.manager(), "/api/v1/programs/" + d.key() + "/dashboard.csv?period=DAY").body();
		assertThat(csv).contains("goal,target,higher_is_better", "backlog_age,tickets", "under 1 day,4",
				"weekday,hour,tickets_opened", "from_tier,to_tier,tickets", "1,2,1", "2,1,1", "arrivals_per_hour");
		assertThat(pages.get(d.customer(), "/console/reports").status()).isEqualTo(403);
		assertThat(pages.get(testDesk.create().manager(), "/console/reports?program=" + d.key()).status())
			.isEqualTo(404);
		assertThat(api.get(testDesk.create().manager(), "/api/v1/programs/" + d.key() + "/dashboard").status())
			.isEqualTo(404);
		assertThat(api.get(d.customer(), "/api/v1/programs/" + d.key() + "/dashboard.csv").status()).isIn(403, 404);
	}

	@Test
	void periodicReportsAreShownDownloadedAndScheduledFromTheConsole() {
		Desk d = testDesk.create();
		String number = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","channel":"PHONE","subject":"<b>bold</b> request","description":"d"}"""
			.formatted(d.key(), d.customer().id())).json("$.number");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
				pages.get(d.agent1(), "/console/reports/packs?program=" + d.key() + "&show=true&report=TROUBLE_CALLS")
					.html()).contains(number));
		Page shown = pages.get(d.agent1(), "/console/reports/packs?program=" + d.key() + "&show=true&report=TROUBLE_CALLS");
		assertThat(shown.html()).contains("data-report=\"TROUBLE_CALLS\"", "&lt;b&gt;bold&lt;/b&gt; request")
			.doesNotContain("<b>bold</b>").as("agents do not schedule").doesNotContain("data-testid=\"schedule-form\"");
		Page badDates = pages.get(d.agent1(), "/console/reports/packs?program=" + d.key() + "&show=true&from=2026-13-01");
		assertThat(badDates.html()).contains("show-from-error");

		Page manager = pages.get(d.manager(), "/console/reports/packs?program=" + d.key());
		assertThat(manager.html()).contains("data-testid=\"schedule-form\"");
		Page refused = pages.post(d.manager(), "/console/reports/schedules", "program", d.key(), "name", "Daily",
				"frequency", "DAILY", "format", "CSV", "recipients", "nobody");
		assertThat(refused.flash().get("problem").toString()).contains("recipients");
		Page scheduled = pages.post(d.manager(), "/console/reports/schedules", "program", d.key(), "name", "Daily",
				"frequency", "DAILY", "format", "CSV", "recipients", "desk.lead@example.org", "report", "SITE_STATUS");
		assertThat(scheduled.redirect()).contains("/console/reports/packs");
		assertThat(pages.get(d.manager(), "/console/reports/packs?program=" + d.key()).html())
			.contains("data-schedule=\"Daily\"", "desk.lead@example.org");

		Page run = pages.post(d.agent1(), "/console/reports/runs", "program", d.key(), "report", "TROUBLE_CALLS",
				"format", "CSV");
		assertThat(run.redirect()).as("a quick report is offered at once, a slow one shows its progress")
			.matches("/console/reports/runs/[0-9a-f-]{36}(/file)?");
		String filePath = run.redirect().endsWith("/file") ? run.redirect() : run.redirect() + "/file";
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> pages.get(d.agent1(), filePath).status() == 200);
		assertThat(pages.get(d.agent1(), filePath).html()).contains(number);
		assertThat(pages.get(d.customer(), "/console/reports/packs").status()).isEqualTo(403);
		assertThat(pages.get(testDesk.create().manager(), "/console/reports/packs?program=" + d.key()).status())
			.isEqualTo(404);
	}
}
