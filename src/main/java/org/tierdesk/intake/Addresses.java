package org.tierdesk.intake;

import java.util.Locale;

import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.ticket.Channel;

/** How addresses are compared: mail addresses in lower case, phone numbers by their digits. */
final class Addresses {

	private Addresses() {
	}

	static String normalize(Channel channel, String address) {
		if (address == null || address.isBlank()) {
			throw new InvalidFieldException("address", "an address is required");
		}
		String a = address.strip();
		return switch (channel) {
			case EMAIL -> {
				if (!a.matches("[^@\\s]+@[^@\\s]+")) {
					throw new InvalidFieldException("address", "not a mail address: " + a);
				}
				yield a.toLowerCase(Locale.ROOT);
			}
			case SMS, PHONE -> {
				String digits = a.replaceAll("[^0-9]", "");
				if (digits.length() < 3 || digits.length() > 20) {
					throw new InvalidFieldException("address", "not a phone number: " + a);
				}
				yield "+" + digits;
			}
			default -> {
				if (a.length() > 320) {
					throw new InvalidFieldException("address", "at most 320 characters");
				}
				yield a.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
			}
		};
	}
}
