package org.tierdesk.intake;

import java.time.Instant;
import java.util.Optional;

/**
 * The signed token in a resolution notice's accept/reject links: {@code <ticket id>.<resolved at, ms>.<signature>}.
 * It names one resolution of one ticket; a later resolution needs a later notice.
 */
final class ResolutionLinks {

	private ResolutionLinks() {
	}

	record Link(long ticketId, long resolvedAtMillis) {
	}

	static String token(ThreadTokens tokens, long ticketId, Instant resolvedAt) {
		String payload = ticketId + "." + resolvedAt.toEpochMilli();
		return payload + "." + tokens.sign("resolution:" + payload, 32);
	}

	static Optional<Link> verify(ThreadTokens tokens, String token) {
		if (token == null || !token.matches("\\d{1,18}\\.\\d{1,18}\\.[0-9a-f]{32}")) {
			return Optional.empty();
		}
		int last = token.lastIndexOf('.');
		String payload = token.substring(0, last);
		if (!tokens.verify("resolution:" + payload, token.substring(last + 1))) {
			return Optional.empty();
		}
		String[] parts = payload.split("\\.");
		return Optional.of(new Link(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
	}
}
