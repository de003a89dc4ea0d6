package org.tierdesk.onboarding;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Counts business days (Monday to Friday) in a zone: the answer to a request received on any day is due by the end
 * of the third business day after it. The SLA module's calendars (with holidays) will replace this simple week.
 */
final class BusinessDays {

	private BusinessDays() {
	}

	static Instant endOfBusinessDaysAfter(Instant received, int days, ZoneId zone) {
		LocalDate day = LocalDate.ofInstant(received, zone);
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				counted++;
			}
		}
		return day.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
	}
}
