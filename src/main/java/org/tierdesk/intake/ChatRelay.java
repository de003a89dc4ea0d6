package org.tierdesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.Limit;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tierdesk.identity.Accounts;
import org.tierdesk.program.Programs;

/**
 * Relays chats to the subscribers connected to <em>this</em> instance: every few hundred milliseconds, the lines said
 * in the last seconds that it has not relayed yet (to {@code /topic/chat/{id}}), each waiting chat's position when it
 * changed, and each program's queue when it changed (to {@code /topic/programs/{key}/chat-queue}). Reading a window
 * rather than "after the last id" means a line committed late (ids are not commit order) is still relayed.
 */
@Component
class ChatRelay {

	private static final Duration WINDOW = Duration.ofSeconds(10);

	private final ChatLineRepository lines;

	private final ChatRepository chats;

	private final Programs programs;

	private final Accounts accounts;

	private final SimpMessagingTemplate broker;

	private final Clock clock;

	private final Map<Long, Instant> relayed = new HashMap<>();

	private final Map<Long, Integer> positions = new HashMap<>();

	private final Map<Long, List<Long>> queues = new HashMap<>();

	private final Map<Long, Instant> popped = new HashMap<>();

	private final PhoneCallRepository calls;

	private final Calls callService;

	ChatRelay(ChatLineRepository lines, ChatRepository chats, Programs programs, Accounts accounts,
			SimpMessagingTemplate broker, Clock clock, PhoneCallRepository calls,
			@org.springframework.context.annotation.Lazy Calls callService) {
		this.calls = calls;
		this.callService = callService;
		this.lines = lines;
		this.chats = chats;
		this.programs = programs;
		this.accounts = accounts;
		this.broker = broker;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tierdesk.chat.relay-interval:250ms}")
	@Transactional(readOnly = true)
	synchronized void relay() {
		Instant now = clock.instant();
		for (ChatLine l : lines.since(now.minus(WINDOW), Limit.of(2000))) {
			if (relayed.putIfAbsent(l.id(), l.saidAt()) != null) {
				continue;
			}
			Map<String, Object> frame = new LinkedHashMap<>();
			frame.put("type", l.kind() == ChatLine.Kind.LINE ? "line" : "state");
			frame.put("id", l.id());
			frame.put("text", l.text());
			frame.put("at", l.saidAt().toString());
			if (l.authorId() != null) {
				accounts.findById(l.authorId()).ifPresent(p -> {
					frame.put("author", p.displayName());
					frame.put("authorId", p.id());
				});
			}
			broker.convertAndSend("/topic/chat/" + l.chatId(), (Object) frame);
		}
		relayed.values().removeIf(at -> at.isBefore(now.minus(WINDOW.multipliedBy(2))));
		Map<Long, List<Long>> waiting = new HashMap<>();
		for (Chat c : chats.allWaiting()) {
			waiting.computeIfAbsent(c.programId(), p -> new java.util.ArrayList<>()).add(c.id());
		}
		Map<Long, Integer> current = new HashMap<>();
		waiting.values().forEach(queue -> {
			for (int i = 0; i < queue.size(); i++) {
				current.put(queue.get(i), i + 1);
			}
		});
		current.forEach((chat, position) -> {
			if (!Objects.equals(positions.get(chat), position)) {
				broker.convertAndSend("/topic/chat/" + chat, (Object) Map.of("type", "position", "position", position));
			}
		});
		positions.clear();
		positions.putAll(current);
		for (Long program : union(waiting.keySet(), queues.keySet())) {
			List<Long> queue = waiting.getOrDefault(program, List.of());
			if (!Objects.equals(queues.get(program), queue)) {
				broker.convertAndSend("/topic/programs/" + programs.byId(program).key() + "/chat-queue",
						(Object) Map.of("type", "queue", "waiting", queue));
			}
		}
		queues.clear();
		queues.putAll(waiting);
		// ringing calls pop up on their agent's screen, once per instance (the agent is connected to one of them)
		for (PhoneCall call : calls.ringingSince(now.minus(WINDOW))) {
			if (popped.putIfAbsent(call.id(), call.startedAt()) == null) {
				accounts.findById(call.agentId()).ifPresent(agent -> broker.convertAndSendToUser(agent.username(),
						"/queue/screen-pop", (Object) callService.screenPop(call)));
			}
		}
		popped.values().removeIf(at -> at.isBefore(now.minus(WINDOW.multipliedBy(2))));
	}

	private static java.util.Set<Long> union(java.util.Set<Long> a, java.util.Set<Long> b) {
		java.util.Set<Long> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}
}
