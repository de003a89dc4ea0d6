package org.tierdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

/** The embedded default (H2 in file mode under the data directory) keeps everything across a restart. */
class RestartTests {

	@TempDir
	Path dataDir;

	ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TierdeskApplication.class).run("--tierdesk.data-dir=" + dataDir,
				"--server.port=0", "--spring.main.banner-mode=off",
				"--tierdesk.security.admin-password=restart-admin-pw", "--logging.level.root=WARN");
	}

	@Test
	void theEmbeddedDefaultKeepsItsDataAcrossARestart() {
		String number;
		try (ConfigurableApplicationContext first = start()) {
			Programs programs = first.getBean(Programs.class);
			Accounts accounts = first.getBean(Accounts.class);
			Program program = programs.create("KEEP", new ProgramSettings("Kept program", "UTC", null, false, 5));
			Person customer = accounts.create(new NewAccount("keeper", "Keeper", null, null, null, null,
					"keeper-password", EnumSet.of(Role.CUSTOMER), Set.of(program.id())));
			DeskPrincipal me = customer.principal();
			number = first.getBean(Tickets.class).open(me, new OpenTicket(null, null, TicketKind.SERVICE_REQUEST,
					Channel.WEB, "Still there?", "After a restart", null, null, null, null), null).ticket().number();
		}
		assertThat(Files.exists(dataDir.resolve("db/tierdesk.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start()) {
			Person customer = second.getBean(Accounts.class).findByUsername("keeper").orElseThrow();
			DeskPrincipal me = customer.principal();
			var ticket = second.getBean(Tickets.class).get(me, number);
			assertThat(ticket.subject()).isEqualTo("Still there?");
			assertThat(ticket.program()).isEqualTo("KEEP");
			assertThat(second.getBean(Accounts.class).findByUsername("admin")).isPresent();
		}
	}
}
