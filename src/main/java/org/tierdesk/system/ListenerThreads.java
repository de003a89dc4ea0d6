package org.tierdesk.system;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads the modules' event listeners run on: a fixed number ({@code tierdesk.listeners.threads}, 8 by
 * default), the rest of the events waiting in line. Without it Spring fell back to a new thread per event (the
 * WebSocket broker's executors make the default one ambiguous): under load a thousand listeners at once took every
 * pooled database connection and the desk's own requests timed out. Events are durable in the publication registry,
 * so a queue in memory loses nothing: at shutdown the listeners running get five seconds, and whatever is not done is
 * published again at the next start.
 */
@Configuration(proxyBeanMethods = false)
class ListenerThreads implements AsyncConfigurer {

	private final ThreadPoolTaskExecutor executor;

	ListenerThreads(@Value("${tierdesk.listeners.threads:8}") int threads) {
		this.executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(Math.max(1, threads));
		executor.setMaxPoolSize(Math.max(1, threads));
		executor.setThreadNamePrefix("listener-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(5);
		executor.initialize();
	}

	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor listenerExecutor() {
		return executor;
	}

	@Override
	public Executor getAsyncExecutor() {
		return executor;
	}
}
