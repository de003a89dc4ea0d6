package org.tierdesk.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.tierdesk.system.InvalidFieldException;

class TierSetupTests {

	@Test
	void aProgramMayMergeTiersAndUseOnlyThree() {
		TierSetup three = new TierSetup(new TreeMap<>(Map.of(1, "Desk", 2, "Specialists and engineering", 4, "OEM")));
		assertThat(three.uses(3)).isFalse();
		assertThat(three.nameOf(2)).isEqualTo("Specialists and engineering");
	}

	@Test
	void tierOneIsAlwaysThere() {
		assertThatThrownBy(() -> new TierSetup(new TreeMap<>(Map.of(2, "Specialists"))))
			.isInstanceOf(InvalidFieldException.class).hasMessageContaining("tier 1");
	}

	@Test
	void tiersAreNumberedZeroToFour() {
		assertThatThrownBy(() -> new TierSetup(new TreeMap<>(Map.of(1, "Desk", 5, "Beyond"))))
			.isInstanceOf(InvalidFieldException.class);
	}
}
