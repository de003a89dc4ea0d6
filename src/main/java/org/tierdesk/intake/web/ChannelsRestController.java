package org.tierdesk.intake.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.intake.Channels;
import org.tierdesk.intake.Channels.EndpointView;
import org.tierdesk.intake.Channels.HeldView;
import org.tierdesk.intake.Channels.MailboxForm;
import org.tierdesk.intake.Channels.MailboxView;
import org.tierdesk.intake.Channels.OutboundView;
import org.tierdesk.intake.Channels.PollView;
import org.tierdesk.intake.Channels.RejectedMailView;
import org.tierdesk.intake.Channels.SettingsForm;
import org.tierdesk.intake.Channels.SettingsView;
import org.tierdesk.intake.FormalMessages;
import org.tierdesk.intake.IntakeOutcome;
import org.tierdesk.intake.SmsIntake;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.Channel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@Tag(name = "Channels", description = "How each program is reached: addresses, mailboxes, SMS; held and rejected messages; messages sent")
class ChannelsRestController {

	private final Channels channels;

	private final SmsIntake sms;

	private final FormalMessages messages;

	ChannelsRestController(Channels channels, SmsIntake sms, FormalMessages messages) {
		this.channels = channels;
		this.sms = sms;
		this.messages = messages;
	}

	@GetMapping("/api/v1/programs/{key}/channels")
	@Operation(summary = "The program's channel settings: unknown senders, language of notices, sender address, auto-reply cap")
	SettingsView settings(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.settings(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/channels")
	@Operation(summary = "Change the channel settings (fields left out are kept)")
	SettingsView changeSettings(@PathVariable String key, @RequestBody SettingsForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return channels.changeSettings(me, key, form);
	}

	record EndpointForm(Channel channel, String address) {
	}

	@GetMapping("/api/v1/programs/{key}/channels/notices")
	@Operation(summary = "Every notice in every language: the program's own wording, or the shipped template")
	List<Channels.NoticeView> notices(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.notices(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/channels/notices/{purpose}/{language}")
	@Operation(summary = "The program's own wording of a notice: plain text with {{placeholders}}")
	Channels.NoticeView saveNotice(@PathVariable String key, @PathVariable String purpose,
			@PathVariable String language, @RequestBody Channels.NoticeForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return channels.saveNotice(me, key, purpose, language, form);
	}

	@DeleteMapping("/api/v1/programs/{key}/channels/notices/{purpose}/{language}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Back to the shipped wording")
	void resetNotice(@PathVariable String key, @PathVariable String purpose, @PathVariable String language,
			@AuthenticationPrincipal DeskPrincipal me) {
		channels.resetNotice(me, key, purpose, language);
	}

	@GetMapping("/api/v1/programs/{key}/channels/addresses")
	@Operation(summary = "The addresses and numbers the program is reached on")
	List<EndpointView> endpoints(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.endpoints(me, key);
	}

	@PostMapping("/api/v1/programs/{key}/channels/addresses")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a mail address, SMS or phone number, or formal-message address that reaches the program")
	EndpointView addEndpoint(@PathVariable String key, @RequestBody EndpointForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return channels.addEndpoint(me, key, form.channel(), form.address());
	}

	@DeleteMapping("/api/v1/programs/{key}/channels/addresses/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeEndpoint(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		channels.removeEndpoint(me, key, id);
	}

	@GetMapping("/api/v1/programs/{key}/channels/mailboxes")
	@Operation(summary = "The program's IMAP mailboxes, with their read mark, lease and last poll")
	List<MailboxView> mailboxes(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.mailboxes(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/channels/mailboxes")
	@Operation(summary = "Create or change a mailbox by name (the password is never shown; left out, it is kept)")
	MailboxView saveMailbox(@PathVariable String key, @RequestBody MailboxForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return channels.saveMailbox(me, key, form);
	}

	@PostMapping("/api/v1/programs/{key}/channels/mailboxes/{id}/poll")
	@Operation(summary = "Poll a mailbox now on this instance")
	PollView poll(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.pollNow(me, key, id);
	}

	@GetMapping("/api/v1/programs/{key}/channels/rejected-mail")
	@Operation(summary = "Mail set aside (malformed, over a limit, a bounce for unknown mail...) with the reason")
	List<RejectedMailView> rejected(@PathVariable String key, @RequestParam(defaultValue = "100") int limit,
			@AuthenticationPrincipal DeskPrincipal me) {
		return channels.rejectedMail(me, key, limit);
	}

	@GetMapping("/api/v1/programs/{key}/channels/mail/{id}/raw")
	@Operation(summary = "The raw message as it was read from the mailbox (an .eml download)")
	ResponseEntity<byte[]> raw(@PathVariable String key, @PathVariable long id,
			@AuthenticationPrincipal DeskPrincipal me) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.header("Content-Disposition", "attachment; filename=\"mail-" + id + ".eml\"")
			.header("X-Content-Type-Options", "nosniff")
			.body(channels.rawMail(me, key, id));
	}

	@GetMapping("/api/v1/programs/{key}/channels/held")
	@Operation(summary = "Messages from unknown senders held for review")
	List<HeldView> held(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.held(me, key);
	}

	@PostMapping("/api/v1/programs/{key}/channels/held/{id}/release")
	@Operation(summary = "Release a held message: its sender becomes a customer, the message a ticket")
	IntakeOutcome release(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.release(me, key, id);
	}

	@PostMapping("/api/v1/programs/{key}/channels/held/{id}/discard")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void discard(@PathVariable String key, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal me) {
		channels.discard(me, key, id);
	}

	@GetMapping("/api/v1/tickets/{number}/messages-out")
	@Operation(summary = "What the desk sent (or is sending) about the ticket: acknowledgements, replies, notices")
	List<OutboundView> sent(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return channels.sentAbout(me, number);
	}

	@PostMapping(path = "/api/v1/intake/messages", consumes = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "Hand in a formal message (classification, DTG, FROM, TO, INFO, SUBJ, text); the program is found by TO")
	Map<String, Object> formal(@RequestBody String text, @AuthenticationPrincipal DeskPrincipal me) {
		IntakeOutcome outcome = messages.receive(me, text);
		return outcome.ticketNumber() == null ? Map.of("outcome", outcome.kind())
				: Map.of("outcome", outcome.kind(), "ticket", outcome.ticketNumber());
	}

	@PostMapping(path = "/api/v1/intake/sms", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	@Operation(summary = "SMS gateway webhook (From, To, Body, MessageSid), signed by the gateway")
	Map<String, Object> sms(@RequestParam Map<String, String> parameters,
			@RequestHeader(name = "X-Twilio-Signature", required = false) String twilio,
			@RequestHeader(name = "X-Gateway-Signature", required = false) String gateway,
			HttpServletRequest request) {
		String url = request.getRequestURL().toString();
		IntakeOutcome outcome = sms.receive(url, parameters, gateway != null ? gateway : twilio);
		return outcome.ticketNumber() == null ? Map.of("outcome", outcome.kind())
				: Map.of("outcome", outcome.kind(), "ticket", outcome.ticketNumber());
	}
}
