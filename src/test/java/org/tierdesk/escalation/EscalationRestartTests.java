package org.tierdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.TierdeskApplication;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;

/**
 * Timers live in the database: a step that fell due while the desk was down fires at the first sweep after the
 * restart, once, and never again on the next restart.
 */
class EscalationRestartTests {

	@TempDir
	Path dataDir;

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TierdeskApplication.class).run("--tierdesk.data-dir=" + dataDir,
				"--server.port=0", "--spring.main.banner-mode=off", "--tierdesk.security.admin-password=restart-pw",
				"--logging.level.root=WARN", "--tierdesk.escalation.sweep-interval=200ms");
	}

	@Test
	void aStepThatFellDueWhileTheDeskWasDownFiresOnceAfterTheRestart() throws java.sql.SQLException {
		String number;
		try (ConfigurableApplicationContext first = start()) {
			Program program = first.getBean(Programs.class).create("RST", new ProgramSettings("Restart", "UTC", null, false, 5));
			SupportGroups groups = first.getBean(SupportGroups.class);
			groups.create(program.id(), "Desk", 1, null, null);
			groups.create(program.id(), "Specialists", 2, null, null);
			Accounts accounts = first.getBean(Accounts.class);
			Person agent = accounts.create(new NewAccount("rst.agent", "Agent", null, null, null, null, "agent-password-1",
					EnumSet.of(Role.AGENT), Set.of(program.id())));
			Person customer = accounts.create(new NewAccount("rst.customer", "Customer", null, null, "Org", null,
					"customer-password-1", EnumSet.of(Role.CUSTOMER), Set.of(program.id())));
			DeskPrincipal me = agent.principal();
			number = first.getBean(Tickets.class).open(me, new OpenTicket("RST", customer.id(), TicketKind.INCIDENT,
					Channel.PHONE, "Nobody takes me", "x", null, null, null, null), null).ticket().number();
			JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
					"select count(*) from escalation_timer", Integer.class) == 1);
		}
		// fifteen minutes pass while the desk is down
		try (java.sql.Connection db = java.sql.DriverManager.getConnection(
				"jdbc:h2:file:" + dataDir + "/db/tierdesk", "sa", "");
				java.sql.Statement sql = db.createStatement()) {
			// as if the ticket had been opened sixteen minutes before the restart
			sql.executeUpdate("update ticket set created_at = created_at - interval '16' minute");
			sql.executeUpdate("update escalation_timer set due_at = due_at - interval '16' minute");
		}
		try (ConfigurableApplicationContext second = start()) {
			Tickets tickets = second.getBean(Tickets.class);
			DeskPrincipal me = second.getBean(Accounts.class).findByUsername("rst.agent").orElseThrow().principal();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(tickets.get(me, number).tier()).isEqualTo(2));
		}
		try (ConfigurableApplicationContext third = start()) {
			Tickets tickets = third.getBean(Tickets.class);
			DeskPrincipal me = third.getBean(Accounts.class).findByUsername("rst.agent").orElseThrow().principal();
			JdbcTemplate jdbc = third.getBean(JdbcTemplate.class);
			await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
					tickets.history(me, number).stream().filter(h -> h.action().equals("ESCALATED")).count()).isEqualTo(1));
			assertThat(jdbc.queryForObject("select count(*) from escalation_timer where fired_at is not null",
					Integer.class)).isEqualTo(1);
		}
	}
}
