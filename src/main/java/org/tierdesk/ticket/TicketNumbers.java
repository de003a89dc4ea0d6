package org.tierdesk.ticket;

import org.springframework.stereotype.Component;
import org.tierdesk.system.Sequences;

/**
 * Human ticket numbers ({@code TD-000123}) from a database sequence: unique under concurrent creation on any number
 * of instances; gaps (a rolled-back creation) are tolerated.
 */
@Component
class TicketNumbers {

	private final Sequences sequences;

	private final String prefix;

	TicketNumbers(Sequences sequences, TicketProperties properties) {
		this.sequences = sequences;
		this.prefix = properties.numberPrefix();
	}

	String next() {
		return format(prefix, sequences.next("ticket_number_seq"));
	}

	static String format(String prefix, long value) {
		return String.format("%s-%06d", prefix, value);
	}
}
