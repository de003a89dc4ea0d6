package org.tierdesk.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.ticket.Channel;

import jakarta.persistence.EntityManager;

/**
 * Queues messages out in the transaction that decided to send them; {@link OutboxSweep} sends them after. A message
 * is queued once per cause and recipient (its source key), so handling an event twice sends nothing twice. Mail
 * gets a signed Message-ID naming its ticket and the {@code In-Reply-To}/{@code References} of the conversation, so
 * ordinary mail clients thread it and replies find their ticket.
 */
@Service
class Outbox {

	private static final int MAX_REFERENCES = 10;

	private final OutboundRepository outbound;

	private final ReceiptRepository receipts;

	private final ThreadTokens tokens;

	private final EntityManager entityManager;

	private final Clock clock;

	private final String domain;

	Outbox(OutboundRepository outbound, ReceiptRepository receipts, ThreadTokens tokens, EntityManager entityManager,
			Clock clock, @Value("${tierdesk.mail.domain:tierdesk.local}") String domain) {
		this.outbound = outbound;
		this.receipts = receipts;
		this.tokens = tokens;
		this.entityManager = entityManager;
		this.clock = clock;
		this.domain = domain;
	}

	/** A message to send. {@code autoSubmitted} is the RFC 3834 keyword our mail carries. */
	record Notice(long programId, Long ticketId, Channel channel, Outbound.Purpose purpose, String sourceKey,
			String recipient, String sender, String subject, String body, String autoSubmitted) {
	}

	@Transactional
	public Optional<Outbound> queue(Notice n) {
		if (outbound.existsBySourceKeyAndRecipient(n.sourceKey(), n.recipient())) {
			return Optional.empty();
		}
		Outbound o = new Outbound(n.programId(), n.ticketId(), n.channel(), n.purpose(), n.sourceKey(), n.recipient(),
				n.sender(), n.subject(), n.body(), n.autoSubmitted(), clock.instant());
		entityManager.persist(o);
		if (n.channel() == Channel.EMAIL) {
			if (n.ticketId() == null) {
				o.thread("td.0." + o.id() + "@" + domain, null, null);
			}
			else {
				List<String> inbound = receipts.messageIdsOf(n.ticketId());
				List<String> ours = outbound.messageIdsOf(n.ticketId());
				LinkedHashSet<String> thread = new LinkedHashSet<>();
				inbound.stream().limit(1).forEach(thread::add);
				ours.stream().limit(1).forEach(thread::add);
				List<String> all = new ArrayList<>(inbound);
				all.addAll(ours);
				all.stream().skip(Math.max(0, all.size() - (MAX_REFERENCES - 2))).forEach(thread::add);
				String parent = !inbound.isEmpty() ? inbound.get(inbound.size() - 1)
						: ours.isEmpty() ? null : ours.get(ours.size() - 1);
				o.thread(tokens.messageId(n.ticketId(), o.id()), parent,
						thread.isEmpty() ? null : String.join(" ", thread.stream().map(id -> "<" + id + ">").toList()));
			}
		}
		return Optional.of(o);
	}
}
