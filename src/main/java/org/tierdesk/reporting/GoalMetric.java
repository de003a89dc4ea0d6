package org.tierdesk.reporting;

import java.util.function.Function;

/**
 * A metric a program can set a goal on: where its value comes from, which way is better, and the range a target may
 * take (shares are 0..1, satisfaction 1..5, times in minutes, counts).
 */
public enum GoalMetric {

	FIRST_CONTACT_RESOLUTION(true, 0, 1, v -> v.row().firstContactResolution()),
	TIER1_RESOLUTION(true, 0, 1, v -> v.row().tier1Resolution()),
	ESCALATION_RATE(false, 0, 1, v -> v.row().escalationRate()),
	REOPEN_RATE(false, 0, 1, v -> v.row().reopenRate()),
	ACCEPTANCE_RATE(true, 0, 1, v -> v.row().acceptanceRate()),
	SLA_ATTAINMENT(true, 0, 1, v -> v.row().slaAttainment()),
	OLA_ATTAINMENT(true, 0, 1, v -> v.row().olaAttainment()),
	FIRST_RESPONSE_MEDIAN_MINUTES(false, 0, Double.MAX_VALUE, v -> v.row().firstResponseMedianMinutes()),
	RESOLUTION_MEDIAN_MINUTES(false, 0, Double.MAX_VALUE, v -> v.row().resolutionMedianMinutes()),
	SATISFACTION(true, 1, 5, v -> v.row().satisfaction()),
	CHATS_ANSWERED_IN_TARGET(true, 0, 1, v -> v.desk().chatsAnsweredInTarget()),
	DEFLECTED(true, 0, Double.MAX_VALUE, v -> (double) v.desk().deflected()),
	BACKLOG(false, 0, Double.MAX_VALUE, v -> (double) v.row().backlog());

	/** One period's rows, unsliced. */
	record Values(Metrics.Row row, Metrics.DeskRow desk) {
	}

	final boolean higherIsBetter;

	final double min;

	final double max;

	private final Function<Values, Double> value;

	GoalMetric(boolean higherIsBetter, double min, double max, Function<Values, Double> value) {
		this.higherIsBetter = higherIsBetter;
		this.min = min;
		this.max = max;
		this.value = value;
	}

	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	Double of(Values values) {
		return value.apply(values);
	}

	/** Whether a value meets a target set on this metric. */
	boolean meets(double value, double target) {
		return higherIsBetter ? value >= target : value <= target;
	}
}
