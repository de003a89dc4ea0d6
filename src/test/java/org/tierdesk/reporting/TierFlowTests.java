package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tierdesk.ticket.AssignmentStatus;
import org.tierdesk.ticket.TicketTimeline.AssignmentSpan;

/** The path of a ticket through the tiers, and the steps many paths add up to. */
class TierFlowTests {

	static Instant t(int minute) {
		return Instant.parse("2026-11-30T09:00:00Z").plusSeconds(60L * minute);
	}

	@Test
	void aTicketNeverEscalatedStaysAtTier1() {
		assertThat(TierFlow.path(List.of())).isEqualTo("1");
	}

	@Test
	void handedOnWorkGoesUpAndReturnedWorkComesBackToTheOwner() {
		assertThat(TierFlow.path(List.of(new AssignmentSpan(1, 10, 2, t(0), t(10), AssignmentStatus.HANDED_ON),
				new AssignmentSpan(2, 20, 3, t(10), t(30), AssignmentStatus.RETURNED)))).isEqualTo("1>2>3>1");
	}

	@Test
	void aPingPongShowsAsTwoTripsUp() {
		assertThat(TierFlow.path(List.of(new AssignmentSpan(2, 10, 2, t(20), null, AssignmentStatus.ACTIVE),
				new AssignmentSpan(1, 10, 2, t(0), t(10), AssignmentStatus.RETURNED)))).isEqualTo("1>2>1>2");
	}

	@Test
	void stepsAddUpOverPaths() {
		assertThat(TierFlow.steps(Map.of("1>2>1", 3L, "1>2>3>1", 2L, "1", 10L)))
			.containsExactly(new TierFlow.Step(1, 2, 5), new TierFlow.Step(2, 1, 3), new TierFlow.Step(2, 3, 2),
					new TierFlow.Step(3, 1, 2));
	}
}
