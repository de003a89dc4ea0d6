package org.tierdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Holding a metric to its target: met or missed, the direction of travel, and drift. */
class GoalTrendTests {

	static List<Double> values(Double... v) {
		return Arrays.asList(v);
	}

	@Test
	void aMetricAboveItsTargetAndRisingIsMetAndImproving() {
		GoalTrend t = GoalTrend.of(GoalMetric.FIRST_CONTACT_RESOLUTION, 0.7, values(0.65, 0.72, 0.8));
		assertThat(t.status()).isEqualTo(GoalTrend.Status.MET);
		assertThat(t.direction()).isEqualTo(GoalTrend.Direction.IMPROVING);
		assertThat(t.drifting()).isFalse();
	}

	@Test
	void missingTheTargetAfterMeetingItIsDrift() {
		GoalTrend t = GoalTrend.of(GoalMetric.SLA_ATTAINMENT, 0.95, values(0.97, 0.96, 0.9));
		assertThat(t.status()).isEqualTo(GoalTrend.Status.MISSED);
		assertThat(t.drifting()).isTrue();
		assertThat(t.why()).contains("after meeting");
	}

	@Test
	void worseningThreePeriodsRunningIsDriftEvenOnTarget() {
		GoalTrend t = GoalTrend.of(GoalMetric.FIRST_CONTACT_RESOLUTION, 0.7, values(0.9, 0.85, 0.8));
		assertThat(t.status()).isEqualTo(GoalTrend.Status.MET);
		assertThat(t.direction()).isEqualTo(GoalTrend.Direction.WORSENING);
		assertThat(t.drifting()).isTrue();
	}

	@Test
	void forATimeLowerIsBetter() {
		GoalTrend t = GoalTrend.of(GoalMetric.RESOLUTION_MEDIAN_MINUTES, 240, values(300.0, 260.0, 200.0));
		assertThat(t.status()).isEqualTo(GoalTrend.Status.MET);
		assertThat(t.direction()).isEqualTo(GoalTrend.Direction.IMPROVING);
		GoalTrend rising = GoalTrend.of(GoalMetric.RESOLUTION_MEDIAN_MINUTES, 240, values(100.0, 150.0, 200.0));
		assertThat(rising.drifting()).as("slower three periods running").isTrue();
	}

	@Test
	void aSteadyMetricBelowTargetIsMissedWithoutDrift() {
		GoalTrend t = GoalTrend.of(GoalMetric.SATISFACTION, 4.5, values(4.0, 4.0, 4.01));
		assertThat(t.status()).isEqualTo(GoalTrend.Status.MISSED);
		assertThat(t.direction()).isEqualTo(GoalTrend.Direction.STEADY);
		assertThat(t.drifting()).isFalse();
	}

	@Test
	void periodsWithNothingMeasuredGiveNoData() {
		assertThat(GoalTrend.of(GoalMetric.SATISFACTION, 4, values(null, null)).status())
			.isEqualTo(GoalTrend.Status.NO_DATA);
		GoalTrend gap = GoalTrend.of(GoalMetric.SATISFACTION, 4, values(4.5, null));
		assertThat(gap.status()).isEqualTo(GoalTrend.Status.NO_DATA);
		assertThat(gap.drifting()).isFalse();
	}
}
