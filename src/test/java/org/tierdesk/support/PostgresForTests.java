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

	/** Application contexts using the server now; the last one to close stops it. */
	private static int users;

	public static synchronized String jdbcUrl() {
		if (server == null) {
			try {
				// not zonky's own hook, which stopped the server at exit while contexts were still closing (their pools
				// then waited 30 s for a dead server, and surefire killed the fork); ours waits for the last lease
				server = durable().setRegisterShutdownHook(false).start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
			}
			if (!hookInstalled) {
				hookInstalled = true;
				// only for a server no context released (one that failed to start): stopping it while the contexts
				// close in their own shutdown hooks made their connection pools wait 30 s for a dead server
				Runtime.getRuntime().addShutdownHook(new Thread(PostgresForTests::stopWhenUnused));
			}
		}
		return server.getJdbcUrl("postgres", "postgres");
	}

	private static boolean hookInstalled;

	private static void stopWhenUnused() {
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		synchronized (PostgresForTests.class) {
			while (users > 0 && System.nanoTime() < until) {
				try {
					PostgresForTests.class.wait(500);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			stop();
		}
	}

	private static synchronized void stop() {
		if (server != null) {
			try {
				server.close();
			}
			catch (IOException ignored) {
				// the JVM is ending anyway
			}
			server = null;
		}
	}

	/**
	 * A context's hold on the server, registered before any of its beans, so destroyed after all of them (its
	 * connection pool included): the server stops once the last context using it has closed.
	 */
	static final class Lease implements org.springframework.beans.factory.DisposableBean {

		Lease() {
			synchronized (PostgresForTests.class) {
				users++;
			}
		}

		@Override
		public void destroy() {
			synchronized (PostgresForTests.class) {
				users--;
				if (users == 0) {
					stop();
				}
				PostgresForTests.class.notifyAll();
			}
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		// the first disposable bean of the context is destroyed last
		((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
			.registerDisposableBean("embeddedPostgresLease", new Lease());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres",
				java.util.Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", "postgres",
						"spring.datasource.password", "postgres")));
	}
}
