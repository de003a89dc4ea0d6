package org.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.OnCall;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Programs;
import org.tierdesk.routing.Routing;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Urgency;

/** {@code --tierdesk.demo=true} seeds a working desk: people, tickets, a directory, on-call and routing rules. */
class DemoDeskTests {

	@TempDir
	Path dataDir;

	@Test
	void theDemoSeedsAWorkingDeskWhoseRulesRouteNewTickets() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TierdeskApplication.class).run(
				"--tierdesk.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
				"--tierdesk.security.admin-password=demo-admin-pw", "--tierdesk.demo=true",
				"--logging.level.root=WARN")) {
			long program = app.getBean(Programs.class).byKey("FLEET").id();
			DeskPrincipal manager = app.getBean(Accounts.class).findByUsername("pat.manager").orElseThrow().principal();
			DeskPrincipal alice = app.getBean(Accounts.class).findByUsername("alice.tier1").orElseThrow().principal();
			long customer = app.getBean(Accounts.class).findByUsername("lt.jones").orElseThrow().id();
			assertThat(app.getBean(Directory.class).systems(manager, "FLEET", null, null)).hasSize(7);
			assertThat(app.getBean(OnCall.class).rotations(manager, "FLEET")).hasSize(2);
			assertThat(app.getBean(Routing.class).current(manager, "FLEET").version()).isEqualTo(1);
			assertThat(app.getBean(org.tierdesk.sla.ServiceLevels.class).policies(manager, "FLEET")).hasSize(2);
			assertThat(app.getBean(org.tierdesk.entitlement.Entitlements.class).contracts(manager, "FLEET")).hasSize(3);
			Tickets tickets = app.getBean(Tickets.class);
			assertThat(tickets.recentFacts(program, 100)).hasSize(36);
			assertThat(app.getBean(Directory.class).supportedReleases(manager, "FLEET"))
				.filteredOn(r -> r.system().equals("R-Supply")).singleElement()
				.satisfies(r -> assertThat(r.current()).isEqualTo("4.2"));
			assertThat(app.getBean(org.tierdesk.deficiency.DeficiencyReports.class).knownErrors(program, "RSUP", "4.2"))
				.singleElement().satisfies(e -> assertThat(e.workaround()).contains("50 lines"));
			var advisories = app.getBean(org.tierdesk.advisory.Advisories.class);
			DeskPrincipal jones = app.getBean(Accounts.class).findByUsername("lt.jones").orElseThrow().principal();
			DeskPrincipal garcia = app.getBean(Accounts.class).findByUsername("ens.garcia").orElseThrow().principal();
			assertThat(advisories.mine(jones)).as("USS Example runs R-Supply 4.2").hasSize(1);
			assertThat(advisories.mine(garcia)).as("USS Sample runs 4.1").isEmpty();
			assertThat(advisories.mine(alice)).as("the notice and the heads-up").hasSize(2);
			assertThat(app.getBean(org.tierdesk.reporting.Goals.class).board(manager, "FLEET", "WEEK", 4).goals())
				.hasSize(4);
			assertThat(app.getBean(org.tierdesk.reporting.ReportSchedules.class).list(manager, "FLEET")).hasSize(1);
			assertThat(app.getBean(org.tierdesk.satisfaction.Surveys.class)
				.answered(manager, "FLEET", null, null, 100)).as("the accepted tickets' surveys").hasSize(4);

			String number = tickets.open(alice, new OpenTicket("FLEET", customer, TicketKind.INCIDENT, Channel.PHONE,
					"Radar picture lost", "No returns on the display",
					new StructuredFacts(null, "Norfolk", null, "Surface search radar", null), null, Impact.MEDIUM,
					Urgency.MEDIUM), null).ticket().number();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				var view = tickets.get(alice, number);
				assertThat(view.tier()).isEqualTo(3);
				assertThat(view.assignment().group().name()).isEqualTo("Systems Engineering");
				assertThat(view.entitlement().status()).as("USS Example's GOLD contract").isEqualTo("ENTITLED");
				assertThat(app.getBean(org.tierdesk.sla.ServiceLevels.class).clocksOf(alice, number)).isNotEmpty();
			});
		}
	}
}
