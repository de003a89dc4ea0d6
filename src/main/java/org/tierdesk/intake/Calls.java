package org.tierdesk.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;


import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.entitlement.Entitlements;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.Hmac;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketIntake;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Urgency;

/**
 * Calls stay with agents. The caller is found by phone number, name or serial number, shown with their unfinished
 * tickets and entitlement; the agent records the call — who, how long, what was said — as a new ticket or as an
 * internal note on an open one. The telephony system may report calls as they start and end (a signed webhook): the
 * caller's record then pops up on the agent's screen ({@code /user/queue/screen-pop}) and the call's duration is
 * kept for handle-time reports.
 */
@Service
@Transactional
public class Calls {

	private final Programs programs;

	private final Accounts accounts;

	private final TicketIntake ticketIntake;

	private final Tickets tickets;

	private final Entitlements entitlements;

	private final PhoneCallRepository calls;

	private final Channels channels;

	private final IntakePipeline pipeline;

	private final Clock clock;

	Calls(Programs programs, Accounts accounts, TicketIntake ticketIntake, Tickets tickets, Entitlements entitlements,
			PhoneCallRepository calls, Channels channels, IntakePipeline pipeline, Clock clock) {
		this.programs = programs;
		this.accounts = accounts;
		this.ticketIntake = ticketIntake;
		this.tickets = tickets;
		this.entitlements = entitlements;
		this.calls = calls;
		this.channels = channels;
		this.pipeline = pipeline;
		this.clock = clock;
	}

	public record CallerView(long id, String name, String organization, String site, String email, String phone) {

		static CallerView of(Person p) {
			return new CallerView(p.id(), p.displayName(), p.organization(), p.site(), p.email(), p.phone());
		}
	}

	public record OpenTicketView(String number, String subject, String status) {
	}

	/** Who is calling: the people matched, and for the first of them their unfinished tickets and entitlement. */
	public record CallerRecord(String program, List<CallerView> matches, List<OpenTicketView> openTickets,
			Entitlements.CheckResult entitlement) {
	}

	@Transactional(readOnly = true)
	public CallerRecord lookUp(DeskPrincipal me, String programKey, String phone, String name, String serialNumber) {
		Program p = programs.forStaff(me, programKey, "only the program's desk staff look callers up");
		return record(me, p, phone, name, serialNumber);
	}

	private CallerRecord record(DeskPrincipal me, Program p, String phone, String name, String serialNumber) {
		List<Person> found = new ArrayList<>();
		if (phone != null && !phone.isBlank()) {
			accounts.findByPhone(p.id(), phone).ifPresent(found::add);
		}
		if (name != null && name.strip().length() >= 2) {
			accounts.findByName(p.id(), Role.CUSTOMER, name, 20).stream()
				.filter(c -> found.stream().noneMatch(f -> f.id() == c.id())).forEach(found::add);
		}
		List<OpenTicketView> open = found.isEmpty() ? List.of()
				: ticketIntake.unfinishedOf(found.get(0).id(), 20).stream()
					.map(t -> new OpenTicketView(t.number(), t.subject(), t.status().name())).toList();
		Entitlements.CheckResult entitlement = null;
		if (!found.isEmpty() || (serialNumber != null && !serialNumber.isBlank())) {
			entitlement = entitlements.check(me, new Entitlements.CheckRequest(p.key(),
					serialNumber == null || serialNumber.isBlank() ? null : serialNumber.strip(), null,
					found.isEmpty() ? null : found.get(0).id(), null, null, null));
		}
		return new CallerRecord(p.key(), found.stream().map(CallerView::of).toList(), open, entitlement);
	}

	/** A call as the agent logs it: for a known caller (or a new one), onto a ticket or as a new ticket. */
	public record LogCall(String program, Long callerId, NewCaller newCaller, String ticket, TicketKind kind,
			String subject, String notes, StructuredFacts facts, String category, Impact impact, Urgency urgency,
			Integer durationSeconds, String callId) {
	}

	public record NewCaller(String name, String phone, String email, String organization, String site) {
	}

	public record Logged(String ticket, boolean newTicket, long callerId, long callId) {
	}

	public Logged log(DeskPrincipal me, LogCall c) {
		Program p = programs.forStaff(me, c.program(), "only the program's desk staff log calls");
		if (c.notes() == null || c.notes().isBlank()) {
			throw new InvalidFieldException("notes", "what was said on the call is required");
		}
		if (c.durationSeconds() != null && (c.durationSeconds() < 0 || c.durationSeconds() > 86_400)) {
			throw new InvalidFieldException("durationSeconds", "between 0 and 86400");
		}
		long callerId = caller(p, c);
		PhoneCall call = c.callId() == null ? null : calls.findByProgramIdAndExternalId(p.id(), c.callId()).orElse(null);
		String number;
		boolean created;
		String duration = c.durationSeconds() == null ? "" : " (" + c.durationSeconds() / 60 + " min "
				+ c.durationSeconds() % 60 + " s)";
		if (c.ticket() != null && !c.ticket().isBlank()) {
			TicketIntake.Ref t = ticketIntake.byNumber(c.ticket().strip()).filter(r -> r.programId() == p.id())
				.orElseThrow(() -> new InvalidFieldException("ticket", "no ticket " + c.ticket() + " in " + p.key()));
			tickets.addEntry(me, t.number(), null, EntryVisibility.INTERNAL, Channel.PHONE,
					"Phone call with " + accounts.byId(callerId).displayName() + duration + ":\n" + c.notes().strip(),
					false);
			number = t.number();
			created = false;
		}
		else {
			if (c.subject() == null || c.subject().isBlank()) {
				throw new InvalidFieldException("subject", "a new ticket needs a subject");
			}
			number = tickets.open(me, new Tickets.OpenTicket(p.key(), callerId,
					c.kind() == null ? TicketKind.INCIDENT : c.kind(), Channel.PHONE, c.subject(), c.notes().strip(),
					c.facts(), c.category(), c.impact(), c.urgency()), null).ticket().number();
			created = true;
		}
		long ticketId = ticketIntake.byNumber(number).orElseThrow().id();
		if (call == null) {
			Instant started = c.durationSeconds() == null ? clock.instant()
					: clock.instant().minusSeconds(c.durationSeconds());
			call = calls.save(new PhoneCall(p.id(), c.callId(), accounts.byId(callerId).phone(), callerId,
					me.accountId(), started));
			call.ended(clock.instant());
		}
		call.logged(callerId, me.accountId(), ticketId, c.durationSeconds(), c.notes().strip());
		return new Logged(number, created, callerId, call.id());
	}

	private long caller(Program p, LogCall c) {
		if (c.callerId() != null) {
			return accounts.findById(c.callerId()).filter(x -> x.programIds().contains(p.id())).map(Person::id)
				.orElseThrow(() -> new InvalidFieldException("callerId", "no caller " + c.callerId() + " in " + p.key()));
		}
		NewCaller n = c.newCaller();
		if (n == null || n.name() == null || n.name().isBlank()) {
			throw new InvalidFieldException("callerId", "name the caller (callerId) or describe a new one (newCaller.name)");
		}
		String wanted = n.email() != null ? n.email() : n.phone() != null ? n.phone() : n.name();
		return accounts.create(new Accounts.NewAccount(accounts.freeUsername(wanted), n.name().strip(), n.email(),
				n.phone(), n.organization(), n.site(), null, EnumSet.of(Role.CUSTOMER), Set.of(p.id()))).id();
	}

	// -- the telephony system's webhook -------------------------------------------------------------------------------

	public record TelephonyEvent(String event, String callId, String from, String to, String agent, Instant at) {
	}

	/**
	 * A call started or ended, as the telephony system reports it, signed with the program's telephony secret
	 * ({@code X-Gateway-Signature: sha256=<hex HMAC-SHA256 of the body>}).
	 */
	public Map<String, Object> telephony(byte[] body, String signature, TelephonyEvent e) {
		if (e.to() == null || e.to().isBlank()) {
			throw new InvalidFieldException("to", "the number that was called is required");
		}
		long programId = channels.programReachedAt(Channel.PHONE, e.to())
			.orElseThrow(() -> new NotFoundException("no program is reached at " + e.to()));
		String secret = pipeline.settingsOf(programId).telephonySecret();
		if (secret == null || signature == null || !Hmac.same("sha256=" + hmac(secret, body), signature.strip())) {
			throw new ForbiddenException("the request's gateway signature does not match");
		}
		if (e.callId() == null || e.callId().isBlank() || e.callId().length() > 200) {
			throw new InvalidFieldException("callId", "the telephony system's call id is required");
		}
		Instant at = e.at() == null ? clock.instant() : e.at();
		Optional<PhoneCall> known = calls.findByProgramIdAndExternalId(programId, e.callId());
		Map<String, Object> answer = new LinkedHashMap<>();
		switch (e.event() == null ? "" : e.event().toLowerCase()) {
			case "started" -> {
				if (known.isEmpty()) {
					Long callerId = e.from() == null ? null
							: accounts.findByPhone(programId, e.from()).map(Person::id).orElse(null);
					Long agentId = e.agent() == null ? null : accounts.findByUsername(e.agent())
						.filter(a -> a.programIds().contains(programId)).map(Person::id).orElse(null);
					calls.save(new PhoneCall(programId, e.callId(), e.from(), callerId, agentId, at));
				}
				answer.put("call", e.callId());
				answer.put("state", "started");
			}
			case "ended" -> {
				PhoneCall call = known.orElseGet(() -> calls.save(new PhoneCall(programId, e.callId(), e.from(), null,
						null, at)));
				call.ended(at);
				answer.put("call", e.callId());
				answer.put("state", "ended");
				answer.put("durationSeconds", call.durationSeconds());
			}
			default -> throw new InvalidFieldException("event", "a call event is 'started' or 'ended'");
		}
		return answer;
	}

	/** The caller's record for a ringing call, as it pops up on the agent's screen. */
	@Transactional(readOnly = true)
	Map<String, Object> screenPop(PhoneCall call) {
		Program p = programs.byId(call.programId());
		DeskPrincipal agent = accounts.byId(call.agentId()).principal();
		Map<String, Object> pop = new LinkedHashMap<>();
		pop.put("type", "screen-pop");
		pop.put("call", call.externalId());
		pop.put("from", call.callerNumber());
		pop.put("caller", record(agent, p, call.callerNumber(), null, null));
		return pop;
	}

	static String hmac(String secret, byte[] body) {
		return HexFormat.of().formatHex(Hmac.sha256(Hmac.utf8(secret), body));
	}
}
