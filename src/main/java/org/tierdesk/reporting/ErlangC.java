package org.tierdesk.reporting;

/**
 * The Erlang C model of a queue of contacts served by interchangeable agents (M/M/N): from the arrival rate and the
 * average handle time, the probability that a contact waits, the share answered within a target time, the average
 * speed of answer, and the fewest agents that meet a service-level target. Plain arithmetic, no state; computed
 * through the Erlang B recursion, so it stays exact for hundreds of agents without factorials.
 */
public final class ErlangC {

	/** What a number of agents achieves for an offered load. */
	public record Outcome(int agents, double waitProbability, double serviceLevel, double averageSpeedOfAnswerSeconds,
			double occupancy) {
	}

	/** The fewest agents meeting the target, and the staff to schedule once shrinkage is allowed for. */
	public record Requirement(double offeredErlangs, int agents, int scheduled, Outcome outcome) {
	}

	private ErlangC() {
	}

	/** Offered load in Erlangs: arrivals per hour × handle time. */
	public static double erlangs(double arrivalsPerHour, double handleSeconds) {
		return arrivalsPerHour * handleSeconds / 3600.0;
	}

	/** The probability that a contact has to wait (0 with no load; 1 when the agents cannot keep up). */
	public static double waitProbability(int agents, double erlangs) {
		if (erlangs <= 0) {
			return 0;
		}
		if (agents <= erlangs) {
			return 1;
		}
		double b = 1;
		for (int n = 1; n <= agents; n++) {
			b = erlangs * b / (n + erlangs * b);
		}
		return agents * b / (agents - erlangs * (1 - b));
	}

	public static Outcome outcome(int agents, double arrivalsPerHour, double handleSeconds, double answerWithinSeconds) {
		double a = erlangs(arrivalsPerHour, handleSeconds);
		double wait = waitProbability(agents, a);
		if (a <= 0) {
			return new Outcome(agents, 0, 1, 0, 0);
		}
		if (agents <= a) {
			return new Outcome(agents, 1, 0, Double.POSITIVE_INFINITY, 1);
		}
		double serviceLevel = 1 - wait * Math.exp(-(agents - a) * answerWithinSeconds / handleSeconds);
		double asa = wait * handleSeconds / (agents - a);
		return new Outcome(agents, wait, serviceLevel, asa, a / agents);
	}

	/**
	 * The fewest agents answering {@code targetShare} of contacts within {@code answerWithinSeconds}, kept at or under
	 * {@code maxOccupancy}; then the agents to schedule when {@code shrinkage} of their time is lost to breaks,
	 * training and absence.
	 */
	public static Requirement required(double arrivalsPerHour, double handleSeconds, double answerWithinSeconds,
			double targetShare, double maxOccupancy, double shrinkage) {
		if (arrivalsPerHour < 0 || handleSeconds <= 0 || answerWithinSeconds < 0 || targetShare <= 0 || targetShare >= 1
				|| maxOccupancy <= 0 || maxOccupancy > 1 || shrinkage < 0 || shrinkage >= 1) {
			throw new IllegalArgumentException("arrivals >= 0, handle time > 0, target in (0,1), occupancy in (0,1], "
					+ "shrinkage in [0,1)");
		}
		double a = erlangs(arrivalsPerHour, handleSeconds);
		if (a == 0) {
			return new Requirement(0, 0, 0, new Outcome(0, 0, 1, 0, 0));
		}
		int n = Math.max(1, (int) Math.ceil(a / maxOccupancy));
		Outcome o = outcome(n, arrivalsPerHour, handleSeconds, answerWithinSeconds);
		while (o.serviceLevel() < targetShare || o.occupancy() > maxOccupancy) {
			n++;
			o = outcome(n, arrivalsPerHour, handleSeconds, answerWithinSeconds);
		}
		return new Requirement(a, n, (int) Math.ceil(n / (1 - shrinkage) - 1e-9), o);
	}
}
