package org.tierdesk.intake;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;


import org.springframework.stereotype.Service;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.Hmac;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.ticket.Channel;

/**
 * Text messages in, as the common SMS gateways post them ({@code From}, {@code To}, {@code Body},
 * {@code MessageSid}, form-encoded). The program is the one the {@code To} number reaches; the request must carry
 * the gateway's signature — Base64 of the HMAC-SHA1, keyed with the program's shared secret, over the full URL
 * followed by every parameter name and value in name order (the widespread Twilio scheme) — or it is refused. A
 * message id seen before is a duplicate: one entry, however often the gateway retries.
 */
@Service
public class SmsIntake {

	private final Channels channels;

	private final IntakePipeline pipeline;

	SmsIntake(Channels channels, IntakePipeline pipeline) {
		this.channels = channels;
		this.pipeline = pipeline;
	}

	public IntakeOutcome receive(String url, Map<String, String> parameters, String signature) {
		String to = parameters.get("To");
		if (to == null || to.isBlank()) {
			throw new InvalidFieldException("To", "the number the message was sent to is required");
		}
		long programId = channels.programReachedAt(Channel.SMS, to)
			.orElseThrow(() -> new NotFoundException("no program is reached at " + to));
		String secret = pipeline.settingsOf(programId).smsSecret();
		if (secret == null || signature == null || !Hmac.same(sign(secret, url, parameters), signature.strip())) {
			throw new ForbiddenException("the request's gateway signature does not match");
		}
		String from = parameters.get("From");
		if (from == null || from.isBlank()) {
			throw new InvalidFieldException("From", "the sender's number is required");
		}
		String sid = parameters.get("MessageSid");
		if (sid == null || sid.isBlank() || sid.length() > 100) {
			throw new InvalidFieldException("MessageSid", "the gateway's message id is required (at most 100 characters)");
		}
		String body = parameters.getOrDefault("Body", "");
		if (body.length() > 10_000) {
			throw new InvalidFieldException("Body", "a text message of at most 10,000 characters");
		}
		String sender = Addresses.normalize(Channel.SMS, from);
		return pipeline.receive(new InboundMessage(programId, Channel.SMS, "sms:" + sid, sender, null, null, null, body,
				null, null, null, true, null, null));
	}

	/** The gateway signature of a request: Base64(HMAC-SHA1(secret, url + name1 + value1 + name2 + value2 ...)). */
	public static String sign(String secret, String url, Map<String, String> parameters) {
		StringBuilder data = new StringBuilder(url);
		new TreeMap<>(parameters).forEach((k, v) -> data.append(k).append(v));
		return Base64.getEncoder().encodeToString(Hmac.sha1(Hmac.utf8(secret), Hmac.utf8(data.toString())));
	}
}
