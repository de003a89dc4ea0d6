package org.tierdesk.advisory.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.advisory.Advisories;
import org.tierdesk.advisory.Advisories.AdvisoryView;
import org.tierdesk.advisory.Advisories.HistoryView;
import org.tierdesk.advisory.Advisories.Notice;
import org.tierdesk.advisory.Advisories.RecipientView;
import org.tierdesk.advisory.AdvisoryForm;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Advisories", description = "System advisory notices and heads-up messages, approved, targeted, acknowledged")
class AdvisoryRestController {

	record Note(String note) {
	}

	private final Advisories advisories;

	AdvisoryRestController(Advisories advisories) {
		this.advisories = advisories;
	}

	@PostMapping("/api/v1/programs/{key}/advisories")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write an advisory (a draft): kind NOTICE or HEADS_UP, audience, targets, channels, expiry")
	AdvisoryView write(@PathVariable String key, @RequestBody AdvisoryForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return advisories.write(me, key, form);
	}

	@GetMapping("/api/v1/programs/{key}/advisories")
	List<AdvisoryView> list(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.list(me, key);
	}

	@GetMapping("/api/v1/advisories/{number}")
	@Operation(summary = "The desk sees the whole advisory; a recipient sees it while it is in force")
	Object get(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.get(me, number);
	}

	@PutMapping("/api/v1/advisories/{number}")
	AdvisoryView revise(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody AdvisoryForm form, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.revise(me, number, version, form);
	}

	@PostMapping("/api/v1/advisories/{number}/submission")
	AdvisoryView submit(@PathVariable String number, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal DeskPrincipal me) {
		return advisories.submit(me, number, version);
	}

	@PostMapping("/api/v1/advisories/{number}/approval")
	@Operation(summary = "Approve (a manager of the program other than the author)")
	AdvisoryView approve(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody(required = false) Note note, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.approve(me, number, version, note == null ? null : note.note());
	}

	@PostMapping("/api/v1/advisories/{number}/publication")
	@Operation(summary = "Publish an approved advisory: its audience is resolved and it is delivered")
	AdvisoryView publish(@PathVariable String number, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal DeskPrincipal me) {
		return advisories.publish(me, number, version);
	}

	@PostMapping("/api/v1/advisories/{number}/withdrawal")
	AdvisoryView withdraw(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody Note reason, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.withdraw(me, number, version, reason == null ? null : reason.note());
	}

	@PostMapping("/api/v1/advisories/{number}/acknowledgement")
	@Operation(summary = "The recipient acknowledges the advisory")
	Notice acknowledge(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.acknowledge(me, number);
	}

	@GetMapping("/api/v1/advisories/{number}/recipients")
	@Operation(summary = "Who the advisory reached and who acknowledged it")
	List<RecipientView> recipients(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.recipients(me, number);
	}

	@GetMapping("/api/v1/advisories/{number}/history")
	List<HistoryView> history(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return advisories.history(me, number);
	}

	@GetMapping("/api/v1/me/advisories")
	@Operation(summary = "The advisories in force that reached me")
	List<Notice> mine(@AuthenticationPrincipal DeskPrincipal me) {
		return advisories.mine(me);
	}

}
