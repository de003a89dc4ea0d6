package org.tierdesk.system;

import java.time.Clock;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.DefaultEventPublicationRegistry;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One transaction per event a listener handles: the listener's own work, the mark that its publication is being
 * processed and the publication's completion commit together, or not at all.
 * <p>
 * Spring Modulith 2.1 marks a publication processing and completed each in a transaction of its own, around the
 * listener's. That is three commits (three flushes of the database's log) for every listener of every event, and a
 * listener that committed its work could lose its completion, or the other way round, in a crash between them
 * (spring-modulith#485; Modulith 2.2 changes its default to this). Here the registry joins the listener's
 * transaction, and the completion advice runs inside the transaction advice so there is one to join. A failure is
 * still recorded, in a transaction of its own, once the listener's has rolled back (before that, the listener's
 * transaction holds the publication's row).
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true, order = ListenerTransactions.TRANSACTION_ADVICE_ORDER)
class ListenerTransactions {

	/**
	 * Just before the lowest precedence that Modulith's completion advice has, so that advice runs inside the
	 * listener's transaction. Spring Boot's own {@code @EnableTransactionManagement} steps back for this one.
	 */
	static final int TRANSACTION_ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BeanPostProcessor publicationsInListenerTransactions() {
		return new Installer();
	}

	/**
	 * Modulith orders its completion advice first, outside the transaction; this moves it inside. Set on the bean
	 * definition, because advisors are made before the bean post-processors that could change them.
	 */
	@Bean
	static BeanFactoryPostProcessor completionInsideTheListenersTransaction() {
		return beans -> {
			for (String name : beans.getBeanNamesForType(CompletionRegisteringAdvisor.class, true, false)) {
				beans.getBeanDefinition(name).getPropertyValues().add("order", Ordered.LOWEST_PRECEDENCE);
			}
		};
	}

	/** Runs a {@link RetriedOnCollision} listener's transaction again after a collision: just outside the transaction. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor retriedOnCollision() {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				new AnnotationMatchingPointcut(null, RetriedOnCollision.class, true),
				(MethodInterceptor) invocation -> Collisions.retry(() -> {
					try {
						return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
					}
					catch (RuntimeException | Error e) {
						throw e;
					}
					catch (Throwable e) {
						throw new java.lang.reflect.UndeclaredThrowableException(e);
					}
				}));
		advisor.setOrder(TRANSACTION_ADVICE_ORDER - 1);
		return advisor;
	}

	/**
	 * Replaces Modulith's registry with {@link Registry}, wraps its serializer in {@link OncePerEvent} and its table in
	 * {@link BatchedPublications}.
	 */
	static final class Installer implements BeanPostProcessor, BeanFactoryAware, Ordered {

		private BeanFactory beans;

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beans = beanFactory;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String name) throws BeansException {
			if (bean instanceof EventSerializer serializer && !(bean instanceof OncePerEvent)) {
				return new OncePerEvent(serializer);
			}
			if (bean instanceof EventPublicationRepository repository && !(bean instanceof BatchedPublications)) {
				return new BatchedPublications(repository, beans.getBeanProvider(JdbcTemplate.class),
						beans.getBeanProvider(EventSerializer.class));
			}
			return bean;
		}

		@Override
		public Object postProcessBeforeInitialization(Object bean, String name) throws BeansException {
			if (bean.getClass() == DefaultEventPublicationRegistry.class) {
				return new Registry(beans.getBean(EventPublicationRepository.class),
						beans.getBeanProvider(Clock.class).getIfAvailable(Clock::systemUTC),
						beans.getBeanProvider(PlatformTransactionManager.class), beans.getBeanProvider(JdbcTemplate.class),
						beans.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
			}
			return bean;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}
	}

	/**
	 * Serializes an event once for all the listeners it is stored for: the registry writes one publication per listener
	 * and asked for the same event's JSON each time, one after the other on the publishing thread.
	 */
	static final class OncePerEvent implements EventSerializer {

		private final EventSerializer serializer;

		private final ThreadLocal<Object[]> last = new ThreadLocal<>();

		OncePerEvent(EventSerializer serializer) {
			this.serializer = serializer;
		}

		@Override
		public Object serialize(Object event) {
			Object[] remembered = last.get();
			if (remembered != null && remembered[0] == event) {
				return remembered[1];
			}
			Object serialized = serializer.serialize(event);
			last.set(new Object[] { event, serialized });
			return serialized;
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return serializer.deserialize(serialized, type);
		}
	}

	/**
	 * Modulith's registry, joining the listener's transaction to mark and complete its publication.
	 * <p>
	 * On PostgreSQL that transaction also commits without waiting for its log records to reach the disk
	 * ({@code synchronous_commit} off, for this transaction only). That is safe because the publication is durable
	 * already (it was written with the change that caused it) and is removed in the same transaction: if a crash
	 * loses the listener's commit, it loses the removal with it, and the event is handled again at the next start.
	 * The database stays consistent either way; only the listener's work may be done twice, as after any crash.
	 */
	static class Registry extends DefaultEventPublicationRegistry {

		private final ObjectProvider<PlatformTransactionManager> transactions;

		private final ObjectProvider<JdbcTemplate> jdbc;

		private volatile Boolean postgres;

		private volatile TransactionTemplate joining;

		private volatile TransactionTemplate separate;

		/** Events handled and committed, for {@code tierdesk_listeners_completed_events_total}. */
		private final ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters;

		private volatile io.micrometer.core.instrument.Counter completed;

		Registry(EventPublicationRepository events, Clock clock,
				ObjectProvider<PlatformTransactionManager> transactions, ObjectProvider<JdbcTemplate> jdbc,
				ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
			super(events, clock);
			this.meters = meters;
			this.transactions = transactions;
			this.jdbc = jdbc;
		}

		/**
		 * Writes no "processing" mark: in the listener's one transaction it would be seen by nobody (the publication is
		 * completed, and its row removed, in the same commit, or the mark rolls back with the listener's work), so it
		 * would only cost an update per listener per event. On PostgreSQL the listener's transaction is set to commit
		 * without waiting for the log flush; elsewhere there is nothing to do.
		 */
		@Override
		@Transactional(propagation = Propagation.SUPPORTS)
		public void markProcessing(Object event, PublicationTargetIdentifier identifier) {
			if (onPostgres()) {
				joining().executeWithoutResult(s -> jdbc.getObject().execute("set local synchronous_commit to off"));
			}
		}

		private boolean onPostgres() {
			Boolean answer = postgres;
			if (answer == null) {
				answer = jdbc.getObject().execute((ConnectionCallback<Boolean>) c -> "PostgreSQL"
						.equals(c.getMetaData().getDatabaseProductName()));
				postgres = answer;
			}
			return answer;
		}

		@Override
		@Transactional(propagation = Propagation.SUPPORTS)
		public void markCompleted(Object event, PublicationTargetIdentifier identifier) {
			joining().executeWithoutResult(s -> {
				super.markCompleted(event, identifier);
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						countCompleted();
					}
				});
			});
		}

		static io.micrometer.core.instrument.Counter completedCounter(io.micrometer.core.instrument.MeterRegistry registry) {
			return io.micrometer.core.instrument.Counter.builder("tierdesk.listeners.completed").baseUnit("events")
				.description("Events their listener handled, committed").register(registry);
		}

		private void countCompleted() {
			io.micrometer.core.instrument.Counter counter = completed;
			if (counter == null) {
				io.micrometer.core.instrument.MeterRegistry registry = meters.getIfAvailable();
				if (registry == null) {
					return;
				}
				counter = completedCounter(registry);
				completed = counter;
			}
			counter.increment();
		}

		@Override
		@Transactional(propagation = Propagation.SUPPORTS)
		public void markFailed(Object event, PublicationTargetIdentifier identifier) {
			Runnable record = () -> separate().executeWithoutResult(s -> super.markFailed(event, identifier));
			if (TransactionSynchronizationManager.isActualTransactionActive()
					&& TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						record.run();
					}
				});
			}
			else {
				record.run();
			}
		}

		private TransactionTemplate joining() {
			if (joining == null) {
				joining = template(TransactionDefinition.PROPAGATION_REQUIRED);
			}
			return joining;
		}

		private TransactionTemplate separate() {
			if (separate == null) {
				separate = template(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			}
			return separate;
		}

		/** Made on first use: the registry is made before the transaction manager may be. */
		private TransactionTemplate template(int propagation) {
			TransactionTemplate template = new TransactionTemplate(transactions.getObject());
			template.setPropagationBehavior(propagation);
			return template;
		}
	}
}
