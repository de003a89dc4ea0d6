package org.tierdesk.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric held to its target over the last periods: whether the latest period met it, which way the metric is
 * heading, and whether it is drifting — it missed the target in the latest period after meeting it before, or it
 * worsened three periods running (still above the line, but heading for it).
 */
record GoalTrend(Status status, Direction direction, boolean drifting, String why) {

	enum Status {
		MET, MISSED, NO_DATA
	}

	enum Direction {
		IMPROVING, WORSENING, STEADY, UNKNOWN
	}

	/** @param values oldest first; null where a period had nothing to measure */
	static GoalTrend of(GoalMetric metric, double target, List<Double> values) {
		List<Double> known = new ArrayList<>();
		values.stream().filter(v -> v != null && !v.isNaN()).forEach(known::add);
		Double latest = values.isEmpty() ? null : values.get(values.size() - 1);
		if (known.isEmpty()) {
			return new GoalTrend(Status.NO_DATA, Direction.UNKNOWN, false, "nothing measured in these periods");
		}
		Direction direction = Direction.UNKNOWN;
		if (known.size() >= 2) {
			double first = known.get(0);
			double last = known.get(known.size() - 1);
			double better = metric.higherIsBetter ? last - first : first - last;
			double scale = Math.max(Math.abs(first), Math.abs(target));
			double tolerance = scale == 0 ? 1e-9 : scale * 0.02;
			direction = Math.abs(better) <= tolerance ? Direction.STEADY
					: better > 0 ? Direction.IMPROVING : Direction.WORSENING;
		}
		if (latest == null || latest.isNaN()) {
			return new GoalTrend(Status.NO_DATA, direction, false, "nothing measured in the latest period");
		}
		boolean met = metric.meets(latest, target);
		boolean metBefore = known.size() >= 2 && metric.meets(known.get(known.size() - 2), target);
		if (!met && metBefore) {
			return new GoalTrend(Status.MISSED, direction, true, "missed the target after meeting it");
		}
		if (known.size() >= 3 && latest.equals(known.get(known.size() - 1))) {
			double a = known.get(known.size() - 3);
			double b = known.get(known.size() - 2);
			double c = known.get(known.size() - 1);
			boolean worse = metric.higherIsBetter ? a > b && b > c : a < b && b < c;
			if (worse) {
				return new GoalTrend(met ? Status.MET : Status.MISSED, Direction.WORSENING, true,
						"worse three periods running");
			}
		}
		return new GoalTrend(met ? Status.MET : Status.MISSED, direction, false,
				met ? "on target" : "off target");
	}
}
