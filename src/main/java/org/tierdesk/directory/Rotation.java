package org.tierdesk.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of an on-call rotation, with no framework: members take turns of {@code shiftDays} days, handing
 * over at {@code handover} local time in the program's zone, starting with the first member on {@code startsOn}.
 * Hand-over follows the wall clock, so a daylight-saving change never moves it: a hand-over at a time the clocks skip
 * happens at the first instant after the gap, and a repeated hour hands over once, at its first occurrence. An
 * override (a swap, a holiday cover) replaces the scheduled person for its period; the latest override wins.
 */
record Rotation(ZoneId zone, LocalDate startsOn, LocalTime handover, int shiftDays, List<Long> members,
		List<Override> overrides) {

	/** Someone else covers from {@code from} (inclusive) to {@code until} (exclusive). */
	record Override(long personId, Instant from, Instant until, String reason) {

		boolean covers(Instant at) {
			return !at.isBefore(from) && at.isBefore(until);
		}
	}

	/** Who is on call, from when until when, and whether an override put them there. */
	record Turn(long personId, Instant from, Instant until, boolean override, String reason) {
	}

	Rotation {
		members = List.copyOf(members);
		overrides = List.copyOf(overrides);
		if (shiftDays < 1) {
			throw new IllegalArgumentException("a shift lasts at least one day");
		}
	}

	/** Who is on call at an instant; empty before the rotation starts or when it has no members. */
	Optional<Turn> at(Instant at) {
		Optional<Override> override = overrides.stream().filter(o -> o.covers(at)).reduce((a, b) -> b);
		if (override.isPresent()) {
			Override o = override.get();
			return Optional.of(new Turn(o.personId(), o.from(), o.until(), true, o.reason()));
		}
		return scheduled(at);
	}

	/** The turn the schedule gives at an instant, ignoring overrides. */
	Optional<Turn> scheduled(Instant at) {
		if (members.isEmpty()) {
			return Optional.empty();
		}
		long day = shiftDay(at);
		if (day < 0) {
			return Optional.empty();
		}
		long shift = Math.floorDiv(day, shiftDays);
		int member = (int) Math.floorMod(shift, (long) members.size());
		LocalDate shiftStart = startsOn.plusDays(shift * shiftDays);
		return Optional.of(new Turn(members.get(member), handoverOn(shiftStart),
				handoverOn(shiftStart.plusDays(shiftDays)), false, null));
	}

	/**
	 * The number of hand-overs (days) since the start: the local date, less one before that day's hand-over. Local
	 * date-time comparison makes gaps and overlaps of daylight saving harmless.
	 */
	private long shiftDay(Instant at) {
		LocalDateTime local = LocalDateTime.ofInstant(at, zone);
		long days = ChronoUnit.DAYS.between(startsOn, local.toLocalDate());
		if (local.toLocalTime().isBefore(handover)) {
			days--;
		}
		return days;
	}

	/** The instant of the hand-over on a local day: the wall-clock time, or just after it if the clocks skip it. */
	Instant handoverOn(LocalDate day) {
		LocalDateTime local = day.atTime(handover);
		var transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			return transition.getInstant();
		}
		return local.atZone(zone).withEarlierOffsetAtOverlap().toInstant();
	}
}
