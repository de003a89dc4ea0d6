package org.tierdesk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move forward by hand; it never moves by itself and never goes back. */
public class MovableClock extends Clock {

	private final AtomicReference<Instant> now;

	public MovableClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public void advance(Duration by) {
		if (by.isNegative()) {
			throw new IllegalArgumentException("time only moves forward");
		}
		now.updateAndGet(t -> t.plus(by));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the desk keeps time in UTC");
	}
}
