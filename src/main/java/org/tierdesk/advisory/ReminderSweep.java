package org.tierdesk.advisory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminds the recipients who have not acknowledged an advisory that asks for it. */
@Component
class ReminderSweep {

	private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

	private final Advisories advisories;

	ReminderSweep(Advisories advisories) {
		this.advisories = advisories;
	}

	@Scheduled(fixedDelayString = "${tierdesk.advisory.reminder-sweep-interval:1m}", initialDelayString = "1m")
	void sweep() {
		int sent = advisories.remindDue(500);
		if (sent > 0) {
			log.info("Sent {} advisory reminder(s)", sent);
		}
	}
}
