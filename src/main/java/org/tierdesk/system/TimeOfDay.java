package org.tierdesk.system;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** Times of day as people write working hours: {@code HH:mm}, and {@code 24:00} for midnight at the end of a day. */
public final class TimeOfDay {

	private TimeOfDay() {
	}

	/**
	 * @return the time; {@code 24:00} is {@link LocalTime#MIDNIGHT}
	 * @throws DateTimeParseException when it is not a time of day
	 */
	public static LocalTime parse(String text) {
		String t = text == null ? "" : text.strip();
		return t.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(t);
	}

	/** Whether two intervals of one day overlap; an end of 00:00 means midnight at the end of the day. */
	public static boolean overlap(LocalTime startA, LocalTime endA, LocalTime startB, LocalTime endB) {
		LocalTime aEnd = endA.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : endA;
		LocalTime bEnd = endB.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : endB;
		return startA.isBefore(bEnd) && startB.isBefore(aEnd);
	}
}
