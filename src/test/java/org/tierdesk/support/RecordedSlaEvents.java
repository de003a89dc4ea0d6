package org.tierdesk.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tierdesk.sla.OlaBreached;
import org.tierdesk.sla.SlaBreached;
import org.tierdesk.sla.SlaMet;
import org.tierdesk.sla.SlaWarningReached;

/** Every SLA event whose transaction committed, from any thread, so tests can count them. */
@Component
public class RecordedSlaEvents {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SlaWarningReached e) {
		events.add(e);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SlaBreached e) {
		events.add(e);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(OlaBreached e) {
		events.add(e);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SlaMet e) {
		events.add(e);
	}

	public <T> List<T> of(Class<T> type, long ticketId) {
		return events.stream().filter(type::isInstance).map(type::cast).filter(e -> ticket(e) == ticketId).toList();
	}

	private static long ticket(Object e) {
		if (e instanceof SlaWarningReached w) {
			return w.ticketId();
		}
		if (e instanceof SlaBreached b) {
			return b.ticketId();
		}
		if (e instanceof OlaBreached o) {
			return o.ticketId();
		}
		return ((SlaMet) e).ticketId();
	}
}
