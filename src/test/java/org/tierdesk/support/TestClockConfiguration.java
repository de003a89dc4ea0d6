package org.tierdesk.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}
}
