package org.tierdesk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
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
import org.tierdesk.support.PostgresForTests;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.OpenTicket;

/** Two application instances on one PostgreSQL, both sweeping: every due step fires exactly once. */
class TwoInstancesTests {

	static ConfigurableApplicationContext instance() {
		return new SpringApplicationBuilder(TierdeskApplication.class).run(
				"--spring.datasource.url=" + PostgresForTests.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--tierdesk.security.admin-password=two-instances-pw",
				"--tierdesk.escalation.sweep-interval=100ms", "--tierdesk.sla.sweep-interval=100ms",
				"--tierdesk.data-dir=target/two-instances");
	}

	@Test
	void twoInstancesSweepingTheSameDatabaseFireEachDueStepOnce() {
		try (ConfigurableApplicationContext a = instance(); ConfigurableApplicationContext b = instance()) {
			String key = "TWO" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
			Program program = a.getBean(Programs.class).create(key, new ProgramSettings("Two", "UTC", null, false, 5));
			SupportGroups groups = a.getBean(SupportGroups.class);
			groups.create(program.id(), "Desk", 1, null, null);
			groups.create(program.id(), "Specialists", 2, null, null);
			Accounts accounts = a.getBean(Accounts.class);
			Person agent = accounts.create(new NewAccount(key.toLowerCase() + ".agent", "Agent", null, null, null, null,
					"agent-password-1", EnumSet.of(Role.AGENT), Set.of(program.id())));
			Person customer = accounts.create(new NewAccount(key.toLowerCase() + ".customer", "Customer", null, null,
					"Org", null, "customer-password-1", EnumSet.of(Role.CUSTOMER), Set.of(program.id())));
			DeskPrincipal me = agent.principal();
			JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
			List<String> numbers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				Tickets tickets = (i % 2 == 0 ? a : b).getBean(Tickets.class);
				numbers.add(tickets.open(me, new OpenTicket(key, customer.id(), TicketKind.INCIDENT, Channel.PHONE,
						"Nobody takes me " + i, "x", null, null, null, null), null).ticket().number());
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
					"select count(*) from escalation_timer where program_id = ?", Integer.class, program.id()) == 30);
			// sixteen minutes pass for all of them at once: both instances see thirty due timers
			// the listeners of both instances may still be writing these tickets: a deadlock victim tries again
			for (int attempt = 1;; attempt++) {
				try {
					jdbc.update("update ticket set created_at = created_at - interval '16 minutes' where program_id = ?",
							program.id());
					break;
				}
				catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
					if (attempt == 5) {
						throw deadlock;
					}
				}
			}
			jdbc.update("update escalation_timer set due_at = due_at - interval '16 minutes' where program_id = ?",
					program.id());
			Tickets tickets = b.getBean(Tickets.class);
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
					"select count(*) from escalation_timer where program_id = ? and fired_at is not null", Integer.class,
					program.id())).isEqualTo(30));
			for (String n : numbers) {
				assertThat(tickets.history(me, n).stream().filter(h -> h.action().equals("ESCALATED")).count()).as(n)
					.isEqualTo(1);
				assertThat(tickets.get(me, n).tier()).isEqualTo(2);
			}
		}
	}
}
