package org.tierdesk.benchmark;

import java.io.IOException;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Keeps the test sources' components (the test desk, the listener probes, the movable clock) out of an application a
 * benchmark starts in process from the test class path, so that it measures the desk as it runs in production: the
 * application's component scan would otherwise find them beside the desk's own classes.
 */
final class ProductionBeansOnly implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getBeanFactory().registerSingleton("productionBeansOnly", new TestSourcesExcluded());
	}

	/** Refuses to measure an application that has a bean of the test sources all the same. */
	static void check(ConfigurableApplicationContext app) {
		for (String name : app.getBeanDefinitionNames()) {
			Class<?> type = app.getType(name);
			if (type != null && type.getName().startsWith("org.tierdesk.support.")) {
				throw new IllegalStateException("a test bean in the measured application: " + name);
			}
		}
		if (app.getBean(java.time.Clock.class).getClass().getName().contains("Movable")) {
			throw new IllegalStateException("the measured application runs on a test clock");
		}
	}

	/** Leaves out every class compiled from the test sources. */
	static final class TestSourcesExcluded extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
			return reader.getResource().getURL().toString().contains("/test-classes/");
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestSourcesExcluded;
		}

		@Override
		public int hashCode() {
			return TestSourcesExcluded.class.hashCode();
		}
	}
}
