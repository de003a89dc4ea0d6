package org.tierdesk.intake;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tierdesk.system.Hmac;

/**
 * Signed tokens in what the desk sends: the Message-ID of every outgoing mail names its ticket and carries an HMAC
 * over it, so a reply's {@code In-Reply-To}/{@code References} lead back to the ticket — and a forged or altered id
 * leads nowhere. The key is made once and kept in the database, so every instance signs and checks alike. The same
 * key signs the accept/reject links of resolution notices.
 */
@Component
public class ThreadTokens {

	private static final Pattern MESSAGE_ID = Pattern.compile("td\\.(\\d{1,18})\\.(\\d{1,18})\\.([0-9a-f]{24})@",
			Pattern.CASE_INSENSITIVE);

	private final JdbcTemplate jdbc;

	private final String domain;

	private volatile byte[] key;

	private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

	ThreadTokens(JdbcTemplate jdbc, @Value("${tierdesk.mail.domain:tierdesk.local}") String domain,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.domain = domain;
		this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(
				org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The Message-ID (without angle brackets) of outgoing message {@code outboundId} about a ticket. */
	String messageId(long ticketId, long outboundId) {
		String payload = ticketId + "." + outboundId;
		return "td." + payload + "." + sign("mid:" + payload, 24) + "@" + domain;
	}

	/** The ticket a Message-ID of ours names, if the id is ours and its signature holds. */
	Optional<Long> ticketOf(String messageId) {
		return verified(messageId).map(m -> Long.parseLong(m.group(1)));
	}

	/** Whether the id looks like one of ours but its signature does not hold (forged or altered). */
	boolean forged(String messageId) {
		if (messageId == null) {
			return false;
		}
		Matcher m = MESSAGE_ID.matcher(messageId);
		return m.find() && verified(messageId).isEmpty();
	}

	private Optional<Matcher> verified(String messageId) {
		if (messageId == null) {
			return Optional.empty();
		}
		Matcher m = MESSAGE_ID.matcher(messageId);
		if (!m.find()) {
			return Optional.empty();
		}
		String payload = m.group(1) + "." + m.group(2);
		boolean valid = Hmac.same(sign("mid:" + payload, 24), m.group(3).toLowerCase(java.util.Locale.ROOT));
		return valid ? Optional.of(m) : Optional.empty();
	}

	/** A signature of {@code text}: {@code length} hex characters of its HMAC-SHA256. */
	public String sign(String text, int length) {
		return HexFormat.of().formatHex(Hmac.sha256(key(), Hmac.utf8(text))).substring(0, length);
	}

	/** Whether {@code signature} is the signature of {@code text}, compared in constant time. */
	public boolean verify(String text, String signature) {
		if (signature == null || signature.length() < 16 || signature.length() > 64) {
			return false;
		}
		return Hmac.same(sign(text, signature.length()), signature);
	}

	/** Another instance created the key at the same moment. */
	private static final class KeyRaceLost extends RuntimeException {

		KeyRaceLost(Throwable cause) {
			super(cause);
		}
	}

	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			synchronized (this) {
				k = key;
				if (k == null) {
					// in a transaction of its own: losing the race to create the key must not spoil the caller's
					String hex;
					try {
						hex = ownTransaction.execute(status -> loadOrCreate());
					}
					catch (KeyRaceLost lost) {
						hex = ownTransaction.execute(status -> loadOrCreate());
					}
					k = HexFormat.of().parseHex(hex);
					key = k;
				}
			}
		}
		return k;
	}

	private String loadOrCreate() {
		var existing = jdbc.queryForList("select secret from intake_secret where name = 'thread-token'", String.class);
		if (!existing.isEmpty()) {
			return existing.get(0);
		}
		byte[] fresh = new byte[32];
		new SecureRandom().nextBytes(fresh);
		try {
			jdbc.update("insert into intake_secret (name, secret) values ('thread-token', ?)",
					HexFormat.of().formatHex(fresh));
			return HexFormat.of().formatHex(fresh);
		}
		catch (DataIntegrityViolationException raced) {
			// another instance made it first: use theirs (read in a fresh transaction, this one is spoilt on PostgreSQL)
			throw new KeyRaceLost(raced);
		}
	}
}
