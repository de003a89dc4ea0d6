package org.tierdesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the desk where it is and how to get in. */
@Component
class StartupBanner {

	private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

	@EventListener
	void ready(ApplicationReadyEvent event) {
		Environment env = event.getApplicationContext().getEnvironment();
		String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		log.info("""

				    Tierdesk is running at http://localhost:{}/
				    Sign in as 'admin' with TIERDESK_ADMIN_PASSWORD (or the password printed once at the first start).
				    API: http://localhost:{}/api/v1 · API docs: http://localhost:{}/swagger-ui.html
				""", port, port, port);
	}
}
