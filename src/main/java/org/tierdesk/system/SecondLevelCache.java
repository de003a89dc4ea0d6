package org.tierdesk.system;

import java.net.URI;
import java.util.UUID;

import javax.cache.CacheManager;
import javax.cache.Caching;

import org.hibernate.cache.jcache.ConfigSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Hands Hibernate's second-level cache (programs, see {@code application.conf}) a JCache cache manager of this
 * application's own. The JCache provider's default manager is one per JVM: several applications in one JVM (the
 * tests run two instances side by side) would share it, and the first to close would close everyone's caches.
 */
@Component
class SecondLevelCache implements HibernatePropertiesCustomizer, DisposableBean {

	private final CacheManager caches = Caching
		.getCachingProvider("com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider")
		.getCacheManager(URI.create("tierdesk:second-level-cache-" + UUID.randomUUID()),
				SecondLevelCache.class.getClassLoader());

	@Override
	public void customize(java.util.Map<String, Object> properties) {
		properties.put(ConfigSettings.CACHE_MANAGER, caches);
	}

	@Override
	public void destroy() {
		caches.close();
	}
}
