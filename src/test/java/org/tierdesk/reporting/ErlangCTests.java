package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Erlang C against textbook values and its own laws. */
class ErlangCTests {

	@Test
	void threeServersAtTwoErlangsWaitFourNinthsOfTheTime() {
		// M/M/3 at utilisation 2/3: P(wait) = 4/9 exactly
		assertThat(ErlangC.waitProbability(3, 2.0)).isCloseTo(4.0 / 9.0, within(1e-12));
	}

	@Test
	void tenErlangsMatchThePublishedErlangCTable() {
		// Erlang C table, A = 10 Erlangs: probability of waiting for 11..15 agents
		assertThat(ErlangC.waitProbability(11, 10)).isCloseTo(0.6821, within(0.0005));
		assertThat(ErlangC.waitProbability(12, 10)).isCloseTo(0.4494, within(0.0005));
		assertThat(ErlangC.waitProbability(13, 10)).isCloseTo(0.2853, within(0.0005));
		assertThat(ErlangC.waitProbability(14, 10)).isCloseTo(0.1741, within(0.0005));
		assertThat(ErlangC.waitProbability(15, 10)).isCloseTo(0.1020, within(0.0005));
	}

	@Test
	void twoHundredCallsAnHourOfThreeMinutesNeedFourteenAgentsForEightyInTwenty() {
		// the textbook call-centre example: 100 calls in 30 minutes, 180 s handle time, 80% answered within 20 s
		ErlangC.Outcome thirteen = ErlangC.outcome(13, 200, 180, 20);
		assertThat(thirteen.serviceLevel()).isCloseTo(0.796, within(0.002));
		ErlangC.Requirement r = ErlangC.required(200, 180, 20, 0.80, 1.0, 0.0);
		assertThat(r.offeredErlangs()).isCloseTo(10.0, within(1e-9));
		assertThat(r.agents()).isEqualTo(14);
		assertThat(r.outcome().serviceLevel()).isCloseTo(0.887, within(0.002));
		assertThat(r.outcome().averageSpeedOfAnswerSeconds()).isCloseTo(0.1741 * 180 / 4, within(0.2));
		assertThat(r.outcome().occupancy()).isCloseTo(10.0 / 14, within(1e-9));
		assertThat(ErlangC.required(200, 180, 20, 0.80, 1.0, 0.30).scheduled()).as("14 / (1 - 30%)").isEqualTo(20);
		assertThat(ErlangC.required(200, 180, 20, 0.80, 0.70, 0.0).agents()).as("occupancy at most 70%")
			.isEqualTo(15);
	}

	@Test
	void noContactsNeedNoAgentsAndNonsenseIsRefused() {
		assertThat(ErlangC.required(0, 180, 20, 0.8, 0.85, 0.3).agents()).isZero();
		assertThatThrownBy(() -> ErlangC.required(10, 0, 20, 0.8, 0.85, 0.3))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> ErlangC.required(10, 180, 20, 1.0, 0.85, 0.3))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Property
	void moreAgentsNeverServeWorse(@ForAll @DoubleRange(min = 0.5, max = 400) double arrivals,
			@ForAll @DoubleRange(min = 30, max = 900) double handle, @ForAll @IntRange(min = 1, max = 200) int agents) {
		ErlangC.Outcome fewer = ErlangC.outcome(agents, arrivals, handle, 20);
		ErlangC.Outcome more = ErlangC.outcome(agents + 1, arrivals, handle, 20);
		assertThat(more.serviceLevel()).isGreaterThanOrEqualTo(fewer.serviceLevel() - 1e-12);
		assertThat(more.waitProbability()).isLessThanOrEqualTo(fewer.waitProbability() + 1e-12);
		assertThat(more.waitProbability()).isBetween(0.0, 1.0);
	}

	@Property
	void theRequiredAgentsMeetTheTargetAndOneFewerDoesNot(@ForAll @DoubleRange(min = 1, max = 600) double arrivals,
			@ForAll @DoubleRange(min = 60, max = 600) double handle) {
		ErlangC.Requirement r = ErlangC.required(arrivals, handle, 20, 0.8, 1.0, 0.0);
		assertThat(r.outcome().serviceLevel()).isGreaterThanOrEqualTo(0.8);
		if (r.agents() > 1) {
			assertThat(ErlangC.outcome(r.agents() - 1, arrivals, handle, 20).serviceLevel()).isLessThan(0.8);
		}
	}
}
