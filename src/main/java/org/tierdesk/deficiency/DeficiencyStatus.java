package org.tierdesk.deficiency;

import java.util.Map;
import java.util.Set;

/**
 * Where a deficiency report stands: {@code OPEN → UNDER_ANALYSIS → FIX_IN_PROGRESS → FIXED_IN_RELEASE → CLOSED}, or
 * {@code REJECTED} / {@code DUPLICATE} before a fix is under way. A fix that fails after it was released sends the DR
 * back to {@code FIX_IN_PROGRESS}.
 */
public enum DeficiencyStatus {

	OPEN, UNDER_ANALYSIS, FIX_IN_PROGRESS, FIXED_IN_RELEASE, CLOSED, REJECTED, DUPLICATE;

	private static final Map<DeficiencyStatus, Set<DeficiencyStatus>> NEXT = Map.of(
			OPEN, Set.of(UNDER_ANALYSIS, REJECTED, DUPLICATE),
			UNDER_ANALYSIS, Set.of(FIX_IN_PROGRESS, REJECTED, DUPLICATE),
			FIX_IN_PROGRESS, Set.of(FIXED_IN_RELEASE, UNDER_ANALYSIS),
			FIXED_IN_RELEASE, Set.of(CLOSED, FIX_IN_PROGRESS),
			CLOSED, Set.of(),
			REJECTED, Set.of(),
			DUPLICATE, Set.of());

	public boolean canMoveTo(DeficiencyStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<DeficiencyStatus> next() {
		return NEXT.get(this);
	}

	/** Whether the fault still stands for customers (its workaround is the known error): not fixed and shipped. */
	public boolean ended() {
		return this == CLOSED || this == REJECTED || this == DUPLICATE;
	}
}
