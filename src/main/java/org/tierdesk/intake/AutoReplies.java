package org.tierdesk.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The per-sender cap on automatic replies: at most {@code cap} a day (UTC) to one address, counted in the database
 * so every instance sees the same count. A robot that answers every answer gets a handful, then silence.
 */
@Component
class AutoReplies {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	AutoReplies(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Counts one automatic reply to {@code recipient}; false (and nothing counted) when the day's cap is reached. */
	boolean claim(long programId, String recipient, int cap) {
		if (cap <= 0) {
			return false;
		}
		String to = recipient.toLowerCase(Locale.ROOT);
		LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		int counted = jdbc.update("update intake_auto_reply set sent = sent + 1 "
				+ "where program_id = ? and recipient = ? and sent_on = ? and sent < ?", programId, to, day, cap);
		if (counted == 1) {
			return true;
		}
		Integer sent = jdbc.query("select sent from intake_auto_reply where program_id = ? and recipient = ? and sent_on = ?",
				rs -> rs.next() ? rs.getInt(1) : null, programId, to, day);
		if (sent != null) {
			return false;
		}
		// first today: a concurrent first insert makes this transaction fail on the key and be run again
		jdbc.update("insert into intake_auto_reply (program_id, recipient, sent_on, sent) values (?, ?, ?, 1)", programId,
				to, day);
		return true;
	}
}
