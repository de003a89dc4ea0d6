package org.tierdesk.workspace.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Moments as the pages print them ({@code ${@when.utc(t.updatedAt())}}): UTC on the server, turned into the reader's
 * own time by the page's script from the {@code datetime} attribute.
 */
@Component("when")
class When {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String utc(Instant at) {
		return at == null ? "" : UTC.format(at);
	}

	public String iso(Instant at) {
		return at == null ? "" : at.toString();
	}

	/** A duration of seconds as "2 h 05 min" / "40 s". */
	public String span(long seconds) {
		Duration d = Duration.ofSeconds(Math.abs(seconds));
		String sign = seconds < 0 ? "-" : "";
		if (d.toDays() > 0) {
			return sign + d.toDays() + " d " + d.toHoursPart() + " h";
		}
		if (d.toHours() > 0) {
			return sign + d.toHours() + " h " + String.format("%02d", d.toMinutesPart()) + " min";
		}
		if (d.toMinutes() > 0) {
			return sign + d.toMinutes() + " min";
		}
		return sign + d.toSeconds() + " s";
	}
}
