package org.tierdesk.intake.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tierdesk.intake.Chats;
import org.tierdesk.intake.Chats.ChatView;
import org.tierdesk.intake.IntakeOutcome;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Live chat commands over STOMP ({@code /app/...}); answers come back on {@code /user/queue/chat}. */
@Controller
@Tag(name = "Chat", description = "Live chat: the queue of waiting chats")
class ChatController {

	private final Chats chats;

	ChatController(Chats chats) {
		this.chats = chats;
	}

	record Start(String program, String topic) {
	}

	record Say(String text) {
	}

	record End(String ticket) {
	}

	record LeaveRequest(String program, String text) {
	}

	@MessageMapping("/chat.start")
	@SendToUser("/queue/chat")
	ChatView start(Start start, Principal user) {
		return chats.start(me(user), start.program(), start.topic());
	}

	@MessageMapping("/chat.leave-request")
	@SendToUser("/queue/chat")
	Map<String, Object> leaveRequest(LeaveRequest request, Principal user) {
		IntakeOutcome outcome = chats.leaveRequest(me(user), request.program(), request.text());
		return Map.of("type", "request", "outcome", outcome.kind().name(), "ticket",
				String.valueOf(outcome.ticketNumber()));
	}

	@MessageMapping("/chat/{id}/say")
	void say(@DestinationVariable long id, Say say, Principal user) {
		chats.say(me(user), id, say.text());
	}

	@MessageMapping("/chat/{id}/pick")
	@SendToUser("/queue/chat")
	ChatView pick(@DestinationVariable long id, Principal user) {
		return chats.pick(me(user), id);
	}

	@MessageMapping("/chat/{id}/end")
	@SendToUser("/queue/chat")
	ChatView end(@DestinationVariable long id, @Payload(required = false) End end, Principal user) {
		return chats.end(me(user), id, end == null ? null : end.ticket());
	}

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	Map<String, String> refused(RuntimeException e) {
		boolean ours = e instanceof org.tierdesk.system.InvalidFieldException
				|| e instanceof org.tierdesk.system.RuleViolationException
				|| e instanceof org.tierdesk.system.ForbiddenException
				|| e instanceof org.tierdesk.system.NotFoundException;
		return Map.of("type", "error", "detail", ours ? String.valueOf(e.getMessage())
				: "the message could not be handled");
	}

	@GetMapping("/api/v1/programs/{key}/chats/waiting")
	@ResponseBody
	@Operation(summary = "The program's waiting chats, oldest first (desk staff)")
	List<ChatView> waiting(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return chats.waiting(me, key);
	}

	private static DeskPrincipal me(Principal user) {
		if (user instanceof Authentication a && a.getPrincipal() instanceof DeskPrincipal p) {
			return p;
		}
		throw new org.tierdesk.system.ForbiddenException("sign in first");
	}
}
