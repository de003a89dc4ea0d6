package org.tierdesk.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.tierdesk.system.InvalidFieldException;

/**
 * The dates a metric or report covers, {@code [start, end)} in the program's zone: a period that ends before it starts,
 * or reaches further back than the retention, is refused naming the parameter.
 */
record DateRange(LocalDate start, LocalDate end) {

	/** How far back metrics and reports may be asked for. */
	static final int RETENTION_DAYS = 3 * 366;

	/** {@code to} defaults to tomorrow (today included), {@code from} to {@code defaultDays} before {@code to}. */
	static DateRange checked(LocalDate from, LocalDate to, LocalDate today, int defaultDays) {
		LocalDate end = to == null ? today.plusDays(1) : to;
		LocalDate start = from == null ? end.minusDays(defaultDays) : from;
		if (!start.isBefore(end)) {
			throw new InvalidFieldException("to", "the period ends (" + end + ") before it starts (" + start + ")");
		}
		if (start.isBefore(today.minusDays(RETENTION_DAYS))) {
			throw new InvalidFieldException("from", "reports and metrics go back " + RETENTION_DAYS + " days, to "
					+ today.minusDays(RETENTION_DAYS));
		}
		return new DateRange(start, end);
	}

	/** An instant as the reporting queries bind it. */
	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
