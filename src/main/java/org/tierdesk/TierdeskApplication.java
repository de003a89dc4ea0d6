package org.tierdesk;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Tierdesk: one tiered service desk, the single point of contact for every program it supports.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TierdeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(TierdeskApplication.class, withDemoSwitch(args));
	}

	/** {@code --demo} is short for {@code --tierdesk.demo=true}. */
	static String[] withDemoSwitch(String[] args) {
		return Arrays.stream(args).map(arg -> "--demo".equals(arg) ? "--tierdesk.demo=true" : arg)
				.toArray(String[]::new);
	}
}
