package org.tierdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an event listener: when its transaction collides with another changing the same rows (an optimistic-lock or
 * unique-key failure), the whole transaction, with the listener's publication marks, is run again on fresh data, as
 * {@link Collisions#retry} does, up to five times in all. The retry wraps the transaction, so the listener is
 * annotated {@code @ApplicationModuleListener} (or {@code @Transactional}) as usual.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RetriedOnCollision {
}
