package org.tierdesk.workspace;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.ticket.TicketSearch;
import org.tierdesk.ticket.TicketSearch.ProgramChange;

/**
 * Tells open consoles that tickets of their programs changed, so queues and counts refresh without a reload. Every
 * instance asks the database what changed since it last looked (a change made on another instance is seen too) and
 * tells only its own subscribers, and only those who work the program; the signal names the program, never a ticket.
 */
@Component
public class LiveUpdates implements org.springframework.context.SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

	private final TicketSearch search;

	private final Clock clock;

	private final Map<SseEmitter, DeskPrincipal> subscribers = new ConcurrentHashMap<>();

	/** A change commits some time after its timestamp was taken: look back this far, and remember what was told. */
	private static final Duration LOOK_BACK = Duration.ofSeconds(30);

	private final Map<Long, Instant> told = new ConcurrentHashMap<>();

	private volatile Instant lastHeartbeat;

	LiveUpdates(TicketSearch search, Clock clock) {
		this.search = search;
		this.clock = clock;
		this.lastHeartbeat = clock.instant();
	}

	/** A new subscriber: desk staff and vendors, for the programs they act in. */
	public SseEmitter subscribe(DeskPrincipal me) {
		SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
		subscribers.put(emitter, me);
		emitter.onCompletion(() -> subscribers.remove(emitter));
		emitter.onTimeout(() -> subscribers.remove(emitter));
		emitter.onError(e -> subscribers.remove(emitter));
		try {
			emitter.send(SseEmitter.event().comment("live"));
		}
		catch (IOException e) {
			subscribers.remove(emitter);
		}
		return emitter;
	}

	@Scheduled(fixedDelayString = "${tierdesk.console.live-interval:2s}")
	void look() {
		Instant now = clock.instant();
		if (subscribers.isEmpty()) {
			told.clear();
			return;
		}
		List<ProgramChange> changes;
		try {
			changes = search.changedSince(now.minus(LOOK_BACK));
		}
		catch (RuntimeException e) {
			log.debug("Live updates could not read the changes this time", e);
			return;
		}
		Set<Long> programs = changes.stream().filter(c -> {
			Instant before = told.put(c.programId(), c.lastChange());
			return before == null || c.lastChange().isAfter(before);
		}).map(ProgramChange::programId).collect(Collectors.toSet());
		told.values().removeIf(at -> at.isBefore(now.minus(LOOK_BACK)));
		if (programs.isEmpty()) {
			heartbeat();
			return;
		}
		subscribers.forEach((emitter, me) -> {
			if (programs.stream().anyMatch(me::actsIn)) {
				send(emitter, SseEmitter.event().name("tickets").data("changed"));
			}
		});
	}

	private void heartbeat() {
		Instant now = clock.instant();
		if (Duration.between(lastHeartbeat, now).toSeconds() >= 25) {
			lastHeartbeat = now;
			subscribers.keySet().forEach(e -> send(e, SseEmitter.event().comment("still here")));
		}
	}

	private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException e) {
			subscribers.remove(emitter);
		}
	}

	private volatile boolean running;

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Ends every open stream before the web server's graceful shutdown waits for open requests (an open console
	 * would otherwise hold the shutdown for its whole timeout); browsers reconnect to another instance.
	 */
	@Override
	public void stop() {
		running = false;
		subscribers.keySet().forEach(emitter -> {
			try {
				emitter.complete();
			}
			catch (RuntimeException e) {
				log.debug("A live stream could not be closed cleanly", e);
			}
		});
		subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Refuses live updates to those who work no ticket queue. */
	public static boolean mayFollow(DeskPrincipal me) {
		return me.isStaff() || me.has(org.tierdesk.system.Role.VENDOR);
	}
}
