package org.tierdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.support.DeskTest;
import org.tierdesk.system.Role;

/** Finding the person behind an address, a number or an organization, as the intake channels do. */
@DeskTest
class AccountsTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Programs programs;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aPersonFoundByContactComesOnceWithAllTheirRolesAndPrograms() {
		long stamp = System.nanoTime() % 1_000_000_000L;
		Program first = transaction.execute(s -> programs.create("AC" + stamp % 100_000,
				new Programs.ProgramSettings("First", "UTC", null, false, null)));
		Program second = transaction.execute(s -> programs.create("AD" + stamp % 100_000,
				new Programs.ProgramSettings("Second", "UTC", null, false, null)));
		Person made = accounts.create(new NewAccount("two.hats." + stamp, "Two Hats", "Two.Hats." + stamp + "@example.org",
				"+1 555 01" + String.format("%05d", stamp % 100_000), "USS Example", null, null,
				EnumSet.of(Role.AGENT, Role.PROGRAM_MANAGER), Set.of(first.id(), second.id())));

		for (Person found : java.util.List.of(
				accounts.findByEmail(second.id(), "two.hats." + stamp + "@EXAMPLE.org").orElseThrow(),
				accounts.findByPhone(first.id(), made.phone()).orElseThrow(),
				accounts.findByOrganization(second.id(), "uss example").orElseThrow())) {
			assertThat(found.id()).isEqualTo(made.id());
			assertThat(found.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.PROGRAM_MANAGER);
			assertThat(found.programIds()).containsExactlyInAnyOrder(first.id(), second.id());
		}
		assertThat(accounts.findByEmail(second.id() + 1_000_000, "two.hats." + stamp + "@example.org")).isEmpty();
	}
}
