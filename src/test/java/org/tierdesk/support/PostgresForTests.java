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

	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				// as a production server commits: zonky's default turns synchronous_commit off
				server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
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
