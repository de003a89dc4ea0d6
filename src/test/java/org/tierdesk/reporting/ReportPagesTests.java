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

/** The dashboard, server side: the volume trend and the staffing heat map as SVG, each with its table. */
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
		Page page = pages.get(d.manager(), "/console/reports?program=" + d.key() + "&period=DAY");
		assertThat(page.status()).as(page.html()).isEqualTo(200);
		String html = page.html();
		assertThat(html).contains("data-testid=\"volume-chart\"", "class=\"chart-line line-opened\"",
				"data-testid=\"metrics-table\"", "data-testid=\"staffing-chart\"", "data-testid=\"staffing-table\"");
		assertThat(html.split("<rect ", -1)).as("one cell per hour of the week").hasSize(168 + 1);
		assertThat(pages.get(d.customer(), "/console/reports").status()).isEqualTo(403);
		assertThat(pages.get(testDesk.create().manager(), "/console/reports?program=" + d.key()).status())
			.isEqualTo(404);
	}
}
