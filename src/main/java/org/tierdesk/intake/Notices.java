package org.tierdesk.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Programs;
import org.tierdesk.system.RetriedOnCollision;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryAdded;
import org.tierdesk.ticket.TicketEscalated;
import org.tierdesk.ticket.TicketIntake;
import org.tierdesk.ticket.TicketResolved;

/**
 * Tells people what happened to tickets, through the outbox: the desk's public replies go to the requester (on the
 * channel they last wrote on, or by mail) and to the watchers; a resolution goes to the requester with links to
 * accept or reject it; escalated work is announced to the group (its shared address, or its members). Backed by the
 * event publication registry, and each notice is queued once per event and recipient, so a redelivered event sends
 * nothing twice.
 */
@Component
class Notices {

	private final TicketIntake tickets;

	private final Accounts accounts;

	private final Programs programs;

	private final SupportGroups groups;

	private final Outbox outbox;

	private final IntakePipeline pipeline;

	private final NoticeTemplates templates;

	private final ReceiptRepository receipts;

	private final ThreadTokens tokens;

	private final String publicUrl;

	Notices(TicketIntake tickets, Accounts accounts, Programs programs, SupportGroups groups, Outbox outbox,
			IntakePipeline pipeline, NoticeTemplates templates, ReceiptRepository receipts, ThreadTokens tokens,
			@Value("${tierdesk.public-url:http://localhost:8080}") String publicUrl) {
		this.tickets = tickets;
		this.accounts = accounts;
		this.programs = programs;
		this.groups = groups;
		this.outbox = outbox;
		this.pipeline = pipeline;
		this.templates = templates;
		this.receipts = receipts;
		this.tokens = tokens;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@ApplicationModuleListener(condition = "#e.visibility() == T(org.tierdesk.ticket.EntryVisibility).PUBLIC")
	@RetriedOnCollision
	void on(EntryAdded e) {
		reply(e);
	}

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(TicketResolved e) {
		resolution(e);
	}

	@ApplicationModuleListener
	@RetriedOnCollision
	void on(TicketEscalated e) {
		escalation(e);
	}

	private void reply(EntryAdded e) {
		TicketIntake.Ref t = tickets.byId(e.ticketId()).orElse(null);
		TicketIntake.EntryText entry = tickets.entry(e.entryId()).orElse(null);
		if (t == null || entry == null || e.authorId() == t.requesterId()) {
			return;
		}
		Map<String, Object> values = values(t);
		values.put("text", entry.body());
		ChannelSettings settings = pipeline.settingsOf(t.programId());
		NoticeTemplates.Rendered text = templates.render(t.programId(), settings.language(), Outbound.Purpose.REPLY, null,
				values);
		List<Long> people = new java.util.ArrayList<>();
		people.add(t.requesterId());
		tickets.watchersOf(t.id()).stream().filter(w -> w != e.authorId() && w != t.requesterId()).forEach(people::add);
		for (long person : people) {
			Person p = accounts.findById(person).orElse(null);
			if (p == null) {
				continue;
			}
			Channel channel = person == t.requesterId() ? replyChannel(t, p) : p.email() == null ? null : Channel.EMAIL;
			String address = channel == Channel.SMS ? p.phone() : p.email();
			if (channel == null || address == null) {
				continue;
			}
			outbox.queue(new Outbox.Notice(t.programId(), t.id(), channel, Outbound.Purpose.REPLY,
					"entry:" + e.entryId(), address, settings.mailFrom(), text.subject(),
					channel == Channel.SMS ? entry.body() : text.body(), "auto-generated"));
		}
	}

	/** The requester's channel: the one they last wrote on, if it can carry an answer; otherwise mail. */
	private Channel replyChannel(TicketIntake.Ref t, Person p) {
		Channel last = receipts.lastChannelOf(t.id()).orElse(null);
		if (last == Channel.SMS && p.phone() != null) {
			return Channel.SMS;
		}
		return p.email() != null ? Channel.EMAIL : null;
	}

	private void resolution(TicketResolved e) {
		TicketIntake.Ref t = tickets.byId(e.ticketId()).orElse(null);
		if (t == null) {
			return;
		}
		Person requester = accounts.findById(t.requesterId()).orElse(null);
		if (requester == null || requester.email() == null) {
			return;
		}
		Map<String, Object> values = values(t);
		values.put("name", requester.displayName());
		values.put("solution", Optional.ofNullable(t.solution()).orElse(""));
		String token = ResolutionLinks.token(tokens, t.id(), e.at());
		values.put("acceptUrl", publicUrl + "/respond/" + token + "?answer=accept");
		values.put("rejectUrl", publicUrl + "/respond/" + token + "?answer=reject");
		ChannelSettings settings = pipeline.settingsOf(t.programId());
		NoticeTemplates.Rendered text = templates.render(t.programId(), settings.language(), Outbound.Purpose.RESOLUTION, null,
				values);
		outbox.queue(new Outbox.Notice(t.programId(), t.id(), Channel.EMAIL, Outbound.Purpose.RESOLUTION,
				"resolved:" + t.id() + ":" + e.at().toEpochMilli(), requester.email(), settings.mailFrom(),
				text.subject(), text.body(), "auto-generated"));
	}

	private void escalation(TicketEscalated e) {
		TicketIntake.Ref t = tickets.byId(e.ticketId()).orElse(null);
		SupportGroups.GroupInfo group = groups.findById(e.groupId()).orElse(null);
		if (t == null || group == null) {
			return;
		}
		List<String> to = new java.util.ArrayList<>();
		if (group.email() != null && !group.email().isBlank()) {
			to.add(group.email());
		}
		else if (e.assigneeId() != null) {
			accounts.findById(e.assigneeId()).map(Person::email).ifPresent(to::add);
		}
		else {
			accounts.byIds(group.memberIds()).values().stream().map(Person::email)
				.filter(java.util.Objects::nonNull).forEach(to::add);
		}
		Map<String, Object> values = values(t);
		values.put("group", group.name());
		values.put("tier", e.toTier());
		values.put("reason", e.reason() == null ? "" : e.reason());
		values.put("link", publicUrl + "/api/v1/tickets/" + t.number());
		ChannelSettings settings = pipeline.settingsOf(t.programId());
		NoticeTemplates.Rendered text = templates.render(t.programId(), settings.language(), Outbound.Purpose.ESCALATION, null,
				values);
		for (String address : to) {
			outbox.queue(new Outbox.Notice(t.programId(), t.id(), Channel.EMAIL, Outbound.Purpose.ESCALATION,
					"assignment:" + e.assignmentId(), address, settings.mailFrom(), text.subject(), text.body(),
					"auto-generated"));
		}
	}

	private Map<String, Object> values(TicketIntake.Ref t) {
		Map<String, Object> values = new HashMap<>();
		values.put("number", t.number());
		values.put("subject", t.subject());
		values.put("program", programs.byId(t.programId()).name());
		return values;
	}
}
