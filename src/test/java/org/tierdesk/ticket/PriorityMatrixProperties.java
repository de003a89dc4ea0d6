package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PriorityMatrixProperties {

	final PriorityMatrix matrix = PriorityMatrix.standard();

	@Property
	void raisingImpactNeverLowersPriority(@ForAll Impact impact, @ForAll Urgency urgency) {
		if (impact.ordinal() > 0) {
			Impact higher = Impact.values()[impact.ordinal() - 1];
			assertThat(matrix.priorityOf(higher, urgency).ordinal())
				.isLessThanOrEqualTo(matrix.priorityOf(impact, urgency).ordinal());
		}
	}

	@Property
	void raisingUrgencyNeverLowersPriority(@ForAll Impact impact, @ForAll Urgency urgency) {
		if (urgency.ordinal() > 0) {
			Urgency higher = Urgency.values()[urgency.ordinal() - 1];
			assertThat(matrix.priorityOf(impact, higher).ordinal())
				.isLessThanOrEqualTo(matrix.priorityOf(impact, urgency).ordinal());
		}
	}

	@Property(tries = 10)
	void theStandardMatrixHasItsCorners(@ForAll Impact ignored) {
		assertThat(matrix.priorityOf(Impact.HIGH, Urgency.HIGH)).isEqualTo(Priority.CRITICAL);
		assertThat(matrix.priorityOf(Impact.LOW, Urgency.LOW)).isEqualTo(Priority.PLANNING);
	}

	@Property(tries = 1)
	void anIncompleteMatrixIsRefused() {
		assertThatThrownBy(() -> new PriorityMatrix(Map.of(Impact.HIGH, Map.of(Urgency.HIGH, Priority.CRITICAL))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
