package org.tierdesk.intake.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.intake.Calls;
import org.tierdesk.intake.Calls.CallerRecord;
import org.tierdesk.intake.Calls.LogCall;
import org.tierdesk.intake.Calls.Logged;
import org.tierdesk.intake.Calls.TelephonyEvent;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Phone", description = "Log a call; look the caller up; the telephony system's call events")
class CallsRestController {

	private final Calls calls;

	private final JsonMapper json;

	CallsRestController(Calls calls, JsonMapper json) {
		this.calls = calls;
		this.json = json;
	}

	@GetMapping("/api/v1/programs/{key}/callers")
	@Operation(summary = "Who is calling: people by phone number or name, their open tickets and entitlement (also by serial number)")
	CallerRecord caller(@PathVariable String key, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String name, @RequestParam(required = false) String serial,
			@AuthenticationPrincipal DeskPrincipal me) {
		return calls.lookUp(me, key, phone, name, serial);
	}

	@PostMapping("/api/v1/calls")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log a call as a new ticket or as a note on an open one, with its duration")
	Logged log(@RequestBody LogCall call, @AuthenticationPrincipal DeskPrincipal me) {
		return calls.log(me, call);
	}

	@PostMapping(path = "/api/v1/intake/telephony", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Telephony webhook: a call started (pops the caller's record to the agent) or ended; signed")
	Map<String, Object> telephony(@RequestBody byte[] body,
			@RequestHeader(name = "X-Gateway-Signature", required = false) String signature) {
		TelephonyEvent event;
		try {
			event = json.readValue(body, TelephonyEvent.class);
		}
		catch (JacksonException e) {
			throw new InvalidFieldException("body", "not a call event: " + e.getOriginalMessage());
		}
		return calls.telephony(body, signature, event);
	}
}
