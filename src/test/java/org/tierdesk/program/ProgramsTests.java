package org.tierdesk.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.support.DeskTest;

/** Looking programs up by key, which every request naming a program does. */
@DeskTest
class ProgramsTests {

	@Autowired
	Programs programs;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aProgramIsFoundByItsKeyAgainAndAgain() {
		Program created = transaction.execute(s -> programs.create("LOOKUP", settings("Look-up desk")));

		for (int i = 0; i < 3; i++) {
			Long found = transaction.execute(s -> programs.findByKey("LOOKUP").orElseThrow().id());
			assertThat(found).isEqualTo(created.id());
		}
		Optional<Program> none = transaction.execute(s -> programs.findByKey("NOSUCH"));
		assertThat(none).isEmpty();
	}

	@Test
	void aKeySeenInATransactionThatRolledBackDoesNotHideTheProgramMadeLaterUnderIt() {
		transaction.executeWithoutResult(s -> {
			programs.create("PHANTOM", settings("First try"));
			assertThat(programs.findByKey("PHANTOM")).isPresent();
			s.setRollbackOnly();
		});
		Optional<Program> afterRollback = transaction.execute(s -> programs.findByKey("PHANTOM"));
		assertThat(afterRollback).isEmpty();

		Program made = transaction.execute(s -> programs.create("PHANTOM", settings("Second try")));

		String name = transaction.execute(s -> programs.findByKey("PHANTOM").orElseThrow().name());
		assertThat(name).isEqualTo("Second try");
		Long id = transaction.execute(s -> programs.byKey("PHANTOM").id());
		assertThat(id).isEqualTo(made.id());
	}

	@Test
	void aProgramIsKeptInTheInstancesMemoryAndAChangeIsSeenThereAtOnce() {
		Program created = transaction.execute(s -> programs.create("MEMORY", settings("Remembered desk")));
		transaction.execute(s -> programs.byKey("MEMORY"));

		assertThat(entityManagerFactory.getCache().contains(Program.class, created.id()))
			.as("read from memory by the next request, not from the database").isTrue();

		transaction.execute(s -> programs.update("MEMORY", new Programs.ProgramSettings("Renamed desk", null,
				new TierSetup(new java.util.TreeMap<>(java.util.Map.of(1, "Front line", 2, "Specialists"))), null, null)));

		Program read = transaction.execute(s -> programs.byKey("MEMORY"));
		assertThat(read.name()).isEqualTo("Renamed desk");
		assertThat(read.tierSetup().nameOf(1)).isEqualTo("Front line");
	}

	@Autowired
	jakarta.persistence.EntityManagerFactory entityManagerFactory;

	private static Programs.ProgramSettings settings(String name) {
		return new Programs.ProgramSettings(name, "UTC", null, false, null);
	}
}
