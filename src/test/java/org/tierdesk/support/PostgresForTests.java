package org.tierdesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started by the tests themselves (binaries from Maven Central), once per test JVM, and
 * pointed at by the application context under test.
 */
public class PostgresForTests implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static EmbeddedPostgres server;

	/**
	 * An embedded PostgreSQL that commits durably, as a production server does: zonky's default turns
	 * {@code synchronous_commit} off, which would hide the cost of every commit (and the difference between the
	 * desk's durable and lazy commits).
	 */
	public static EmbeddedPostgres.Builder durable() {
		return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on");
	}

	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				server = durable().start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ignored) {
					// the JVM is ending anyway
				}
			}));
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres",
				java.util.Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", "postgres",
						"spring.datasource.password", "postgres")));
	}
}
