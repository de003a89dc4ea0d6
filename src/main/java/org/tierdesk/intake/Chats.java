package org.tierdesk.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.directory.AfterHours;
import org.tierdesk.directory.OnCall;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.TicketIntake;

/**
 * Live chat: a customer starts a chat and waits in the program's queue (their position shown); a Tier 1 agent of
 * the program picks it up; when it ends, its transcript becomes a ticket — or an entry on the ticket the agent named.
 * Outside the program's staffed hours a chat is not started: the customer is offered to leave a request instead.
 * Everything said is a row, so every instance relays it to its own subscribers ({@link ChatRelay}).
 */
@Service
@Transactional
public class Chats {

	private static final int MAX_LINE = 4000;

	private final ChatRepository chats;

	private final ChatLineRepository lines;

	private final Programs programs;

	private final Accounts accounts;

	private final SupportGroups groups;

	private final OnCall onCall;

	private final IntakePipeline pipeline;

	private final TicketIntake tickets;

	private final Clock clock;

	Chats(ChatRepository chats, ChatLineRepository lines, Programs programs, Accounts accounts, SupportGroups groups,
			OnCall onCall, IntakePipeline pipeline, TicketIntake tickets, Clock clock) {
		this.chats = chats;
		this.lines = lines;
		this.programs = programs;
		this.accounts = accounts;
		this.groups = groups;
		this.onCall = onCall;
		this.pipeline = pipeline;
		this.tickets = tickets;
		this.clock = clock;
	}

	/** A chat as its participants see it. */
	public record ChatView(long id, String program, String status, String topic, int position, String agent,
			Instant startedAt, String ticket, String offer) {
	}

	/** Starts a chat, or — outside staffed hours — answers with the offer to leave a request. */
	public ChatView start(DeskPrincipal me, String programKey, String topic) {
		Program p = programs.visibleTo(me, programKey);
		if (!me.has(Role.CUSTOMER) || !me.actsIn(p.id())) {
			throw new ForbiddenException("customers of the program start chats");
		}
		String subject = text("topic", topic, 300);
		if (!staffed(p.id())) {
			return new ChatView(0, p.key(), "CLOSED", subject, 0, null, null, null,
					"The desk is not staffed now. Leave your request and we will answer it when we are back.");
		}
		Chat c = chats.save(new Chat(p.id(), me.accountId(), subject, clock.instant()));
		lines.save(new ChatLine(c.id(), ChatLine.Kind.STATE, null, "WAITING", clock.instant()));
		return view(c, p);
	}

	/** Whether the program's chat is staffed now: in office hours, or a desk that works around the clock. */
	public boolean staffed(long programId) {
		return onCall.inOfficeHours(programId, clock.instant())
				|| onCall.afterHoursRule(programId).afterHours() == AfterHours.DESK_24X7;
	}

	/** Outside staffed hours: the customer's words become a request like any other. */
	public IntakeOutcome leaveRequest(DeskPrincipal me, String programKey, String text) {
		Program p = programs.visibleTo(me, programKey);
		if (!me.has(Role.CUSTOMER) || !me.actsIn(p.id())) {
			throw new ForbiddenException("customers of the program leave requests");
		}
		String body = text("text", text, MAX_LINE);
		return pipeline.receive(new InboundMessage(p.id(), Channel.CHAT,
				"chat-request:" + me.accountId() + ":" + org.tierdesk.system.Sha256.hex(body + clock.instant()), null,
				null, me.accountId(), null, body, null, null, null, false, null, null));
	}

	public void say(DeskPrincipal me, long chatId, String text) {
		Chat c = participantChat(me, chatId);
		if (c.status() == Chat.Status.ENDED) {
			throw new RuleViolationException("chat", "this chat has ended");
		}
		lines.save(new ChatLine(c.id(), ChatLine.Kind.LINE, me.accountId(), text("text", text, MAX_LINE),
				clock.instant()));
	}

	/** A Tier 1 agent of the program takes a waiting chat; optionally it continues an existing ticket. */
	public ChatView pick(DeskPrincipal me, long chatId) {
		Chat c = chats.findById(chatId).orElseThrow(() -> new NotFoundException("no chat " + chatId));
		if (!me.staffOf(c.programId())) {
			throw new NotFoundException("no chat " + chatId);
		}
		boolean tierOne = me.isAdmin() || me.manages(c.programId()) || groups.groupsOf(me.accountId()).values()
			.stream().anyMatch(g -> g.programId() == c.programId() && g.tier() == 1);
		if (!tierOne) {
			throw new ForbiddenException("Tier 1 agents pick up chats");
		}
		c.pick(me.accountId(), clock.instant());
		lines.save(new ChatLine(c.id(), ChatLine.Kind.STATE, me.accountId(), "ACTIVE", clock.instant()));
		return view(c, programs.byId(c.programId()));
	}

	/**
	 * Ends a chat (either side). The transcript becomes a ticket for the customer, or an entry on {@code ticketNumber}
	 * when the agent names one the customer stands on.
	 */
	public ChatView end(DeskPrincipal me, long chatId, String ticketNumber) {
		Chat c = participantChat(me, chatId);
		if (c.status() == Chat.Status.ENDED) {
			return view(c, programs.byId(c.programId()));
		}
		Set<Long> thread = Set.of();
		if (ticketNumber != null && !ticketNumber.isBlank()) {
			if (!me.staffOf(c.programId())) {
				throw new ForbiddenException("the agent names the ticket a chat continues");
			}
			thread = Set.of(tickets.byNumber(ticketNumber.strip()).filter(t -> t.programId() == c.programId())
				.orElseThrow(() -> new InvalidFieldException("ticket", "no ticket " + ticketNumber)).id());
		}
		IntakeOutcome outcome = pipeline.receive(new InboundMessage(c.programId(), Channel.CHAT, "chat:" + c.id(), null,
				null, c.customerId(), c.topic(), transcript(c), null, thread, null, false, null, null));
		c.end(outcome.ticketId(), clock.instant());
		lines.save(new ChatLine(c.id(), ChatLine.Kind.STATE, me.accountId(), "ENDED " + outcome.ticketNumber(),
				clock.instant()));
		return view(c, programs.byId(c.programId()));
	}

	@Transactional(readOnly = true)
	public List<ChatView> waiting(DeskPrincipal me, String programKey) {
		Program p = programs.forStaff(me, programKey, "only the program's desk staff see its chat queue");
		List<Chat> queue = chats.waiting(p.id());
		return queue.stream().map(c -> view(c, p)).toList();
	}

	/** Whether a person may follow a chat: its customer, or the desk staff of its program. */
	@Transactional(readOnly = true)
	public boolean mayFollow(DeskPrincipal me, long chatId) {
		return chats.findById(chatId).map(c -> c.customerId() == me.accountId() || me.staffOf(c.programId()))
			.orElse(false);
	}

	/** Whether a person may watch a program's chat queue: its desk staff. */
	@Transactional(readOnly = true)
	public boolean mayWatchQueue(DeskPrincipal me, String programKey) {
		return programs.findByKey(programKey).map(p -> me.staffOf(p.id())).orElse(false);
	}

	private Chat participantChat(DeskPrincipal me, long chatId) {
		Chat c = chats.findById(chatId).orElseThrow(() -> new NotFoundException("no chat " + chatId));
		boolean customer = c.customerId() == me.accountId();
		boolean agent = c.agentId() != null && c.agentId() == me.accountId();
		if (!customer && !agent) {
			if (me.staffOf(c.programId())) {
				throw new ForbiddenException("only the customer and the agent who picked the chat take part in it");
			}
			throw new NotFoundException("no chat " + chatId);
		}
		return c;
	}

	private String transcript(Chat c) {
		Program p = programs.byId(c.programId());
		ZoneId zone = p.timeZone();
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
		List<ChatLine> said = lines.findByChatIdOrderById(c.id()).stream()
			.filter(l -> l.kind() == ChatLine.Kind.LINE).toList();
		Map<Long, Person> people = accounts.byIds(said.stream().map(ChatLine::authorId).distinct().toList());
		StringBuilder t = new StringBuilder("Chat transcript (" + zone + ")\n");
		for (ChatLine l : said) {
			Person who = people.get(l.authorId());
			t.append('[').append(time.format(l.saidAt())).append("] ")
				.append(who == null ? "?" : who.displayName()).append(": ").append(l.text()).append('\n');
		}
		if (said.isEmpty()) {
			t.append("(nothing was said)\n");
		}
		return t.toString();
	}

	ChatView view(Chat c, Program p) {
		int position = 0;
		if (c.status() == Chat.Status.WAITING) {
			List<Chat> queue = chats.waiting(p.id());
			for (int i = 0; i < queue.size(); i++) {
				if (queue.get(i).id().equals(c.id())) {
					position = i + 1;
				}
			}
		}
		String agent = c.agentId() == null ? null : accounts.findById(c.agentId()).map(Person::displayName).orElse(null);
		String ticket = c.ticketId() == null ? null : tickets.byId(c.ticketId()).map(TicketIntake.Ref::number).orElse(null);
		return new ChatView(c.id(), p.key(), c.status().name(), c.topic(), position, agent, c.startedAt(), ticket,
				null);
	}

	private static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, field + " is required");
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new InvalidFieldException(field, "at most " + max + " characters");
		}
		return v;
	}
}
