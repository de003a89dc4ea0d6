package org.tierdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.tierdesk.ticket.TicketStatus;

/**
 * The arithmetic of one clock, with no framework: from the periods it ran and was paused (derived from the ticket's
 * history), a target and a calendar, how much business time ran and was paused, when it is or was due, when it warns,
 * and its state. Recomputing with a new target (a priority change) or a new calendar keeps every pause: the periods
 * do not change, only what they are measured against.
 */
final class ClockMeasure {

	private ClockMeasure() {
	}

	/** A period of the clock: running or paused, from until (null: still going). */
	record Period(Instant from, Instant until, boolean running) {
	}

	/** What happened to the clock, for its timeline. */
	record Mark(String what, Instant at) {
	}


	record Result(Duration target, Duration elapsed, Duration paused, Instant dueAt, Instant warnAt, ClockState state,
			boolean breached, Instant stoppedAt, List<Mark> timeline) {

		/** The next instant the clock's state changes by itself: its warning, then its due instant; null if none. */
		Instant nextCheck(Instant now) {
			if (state != ClockState.RUNNING && state != ClockState.WARNING) {
				return null;
			}
			if (warnAt != null && warnAt.isAfter(now)) {
				return warnAt;
			}
			if (dueAt != null && dueAt.isAfter(now)) {
				return dueAt;
			}
			return null;
		}
	}

	/**
	 * The periods of a clock that starts at {@code start}, pauses while the ticket is in one of {@code pausing}, and
	 * stops at {@code stop} (null: still running), from the ticket's status spans (each from its instant to the next).
	 */
	static List<Period> periods(Instant start, Instant stop, List<Span> statuses, java.util.Set<TicketStatus> pausing) {
		List<Period> periods = new ArrayList<>();
		Instant cursor = start;
		for (int i = 0; i < statuses.size(); i++) {
			Span s = statuses.get(i);
			Instant spanEnd = i + 1 < statuses.size() ? statuses.get(i + 1).from() : null;
			Instant from = s.from().isAfter(cursor) ? s.from() : cursor;
			Instant until = min(spanEnd, stop);
			if (until != null && !until.isAfter(from)) {
				continue;
			}
			boolean running = !pausing.contains(s.status());
			if (!periods.isEmpty() && periods.get(periods.size() - 1).running() == running
					&& periods.get(periods.size() - 1).until().equals(from)) {
				Period last = periods.remove(periods.size() - 1);
				periods.add(new Period(last.from(), until, running));
			}
			else {
				periods.add(new Period(from, until, running));
			}
			if (until == null) {
				break;
			}
			cursor = until;
		}
		return periods;
	}

	/** A status the ticket entered at an instant. */
	record Span(TicketStatus status, Instant from) {
	}

	/**
	 * Measures the periods against the target at {@code now}.
	 *
	 * @param stoppedAt when the clock stopped (met or not), or null
	 * @param cancelled the clock stopped without an outcome (ticket cancelled, work withdrawn)
	 */
	static Result measure(BusinessCalendar calendar, List<Period> periods, Duration target, int warnPercent,
			Instant stoppedAt, boolean cancelled, Instant now) {
		Duration warnTarget = Duration.ofSeconds(target.getSeconds() * warnPercent / 100);
		Duration elapsed = Duration.ZERO;
		Duration paused = Duration.ZERO;
		Instant due = null;
		Instant warn = null;
		List<Mark> timeline = new ArrayList<>();
		for (int i = 0; i < periods.size(); i++) {
			Period p = periods.get(i);
			if (p.from().isAfter(now) && i > 0) {
				break;
			}
			timeline.add(new Mark(i == 0 ? "STARTED" : p.running() ? "RESUMED" : "PAUSED", p.from()));
			Instant end = p.until() == null || p.until().isAfter(now) ? now : p.until();
			Duration d = calendar.between(p.from(), end);
			if (p.running()) {
				boolean open = p.until() == null;
				if (warn == null && warnPercent < 100 && elapsed.compareTo(warnTarget) < 0
						&& (open || elapsed.plus(d).compareTo(warnTarget) >= 0)) {
					warn = calendar.plus(p.from(), warnTarget.minus(elapsed));
				}
				if (due == null && elapsed.compareTo(target) < 0 && (open || elapsed.plus(d).compareTo(target) >= 0)) {
					due = calendar.plus(p.from(), target.minus(elapsed));
				}
				elapsed = elapsed.plus(d);
			}
			else {
				paused = paused.plus(d);
			}
		}
		boolean breached = elapsed.compareTo(target) >= 0 && !target.isZero();
		ClockState state;
		if (cancelled) {
			state = ClockState.CANCELLED;
		}
		else if (stoppedAt != null && !stoppedAt.isAfter(now)) {
			state = breached ? ClockState.BREACHED : ClockState.MET;
		}
		else if (!periods.isEmpty() && !periods.get(periods.size() - 1).running()) {
			state = breached ? ClockState.BREACHED : ClockState.PAUSED;
		}
		else if (breached) {
			state = ClockState.BREACHED;
		}
		else if (warnPercent < 100 && elapsed.compareTo(warnTarget) >= 0) {
			state = ClockState.WARNING;
		}
		else {
			state = ClockState.RUNNING;
		}
		if (stoppedAt != null && !stoppedAt.isAfter(now)) {
			timeline.add(new Mark(cancelled ? "CANCELLED" : "STOPPED", stoppedAt));
		}
		boolean runningNow = state == ClockState.RUNNING || state == ClockState.WARNING;
		return new Result(target, elapsed, paused, runningNow || breached || stoppedAt != null ? due : null,
				warn, state, breached, stoppedAt, List.copyOf(timeline));
	}

	private static Instant min(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return a.isBefore(b) ? a : b;
	}
}
