package org.tierdesk.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.TicketOpened;

/**
 * A listener like the modules' own, which notes the thread each new ticket's event ran on and how many ran at once,
 * so a test can see that listeners share a bounded pool rather than a thread each.
 */
@Component
public class ListenerThreadProbe {

	private final Map<Long, String> threadOf = new ConcurrentHashMap<>();

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	@ApplicationModuleListener
	void on(TicketOpened opened) throws InterruptedException {
		int now = running.incrementAndGet();
		peak.accumulateAndGet(now, Math::max);
		try {
			Thread.sleep(20); // long enough for the others of a burst to run beside it if they can
			threadOf.put(opened.ticketId(), Thread.currentThread().getName());
		}
		finally {
			running.decrementAndGet();
		}
	}

	public String threadOf(long ticketId) {
		return threadOf.get(ticketId);
	}

	public int peak() {
		return peak.get();
	}
}
