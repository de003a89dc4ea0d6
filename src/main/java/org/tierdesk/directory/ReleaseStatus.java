package org.tierdesk.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tierdesk.directory.Directory.ReleaseInfo;
import org.tierdesk.directory.SystemParts.Release;

/**
 * Where a release of a system stands on a day, from its dates alone (so it never goes stale): the newest release in
 * support is {@code CURRENT}, other releases in support are {@code SUPPORTED}, releases past their support end are at
 * {@code END_OF_SUPPORT}, and releases whose support has not started are {@code PLANNED}.
 */
public enum ReleaseStatus {

	CURRENT, SUPPORTED, END_OF_SUPPORT, PLANNED;

	/** Whether a customer running a release in this status is running something the desk supports. */
	public boolean supported() {
		return this == CURRENT || this == SUPPORTED;
	}

	/** The releases with their status on {@code today}, newest first. */
	static List<ReleaseInfo> of(List<Release> releases, LocalDate today) {
		List<Release> newestFirst = new ArrayList<>(releases);
		// listed order breaks ties: a later entry is a later release
		List<Release> listed = List.copyOf(releases);
		newestFirst.sort(Comparator.comparing((Release r) -> r.releasedOn() != null ? r.releasedOn() : r.supportedFrom(),
				Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(listed::indexOf).reversed());
		List<ReleaseInfo> infos = new ArrayList<>();
		boolean currentTaken = false;
		for (Release r : newestFirst) {
			ReleaseStatus status;
			if (r.supportedUntil() != null && today.isAfter(r.supportedUntil())) {
				status = END_OF_SUPPORT;
			}
			else if (r.supportedFrom() != null && today.isBefore(r.supportedFrom())
					|| r.releasedOn() != null && today.isBefore(r.releasedOn())) {
				status = PLANNED;
			}
			else if (!currentTaken) {
				status = CURRENT;
				currentTaken = true;
			}
			else {
				status = SUPPORTED;
			}
			infos.add(new ReleaseInfo(r.version(), r.releasedOn(), r.supportedFrom(), r.supportedUntil(),
					status.supported(), status));
		}
		return List.copyOf(infos);
	}
}
