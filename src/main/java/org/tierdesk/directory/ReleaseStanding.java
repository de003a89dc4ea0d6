package org.tierdesk.directory;

import java.time.LocalDate;

import org.tierdesk.directory.Directory.ReleaseInfo;
import org.tierdesk.directory.Directory.SystemInfo;

/**
 * Where the version a customer says they run stands against the directory: its status ({@code null} when the
 * directory does not list that version at all), the current release, and a plain sentence for the agent or customer.
 */
public record ReleaseStanding(String system, String version, ReleaseStatus status, String currentVersion,
		LocalDate supportedUntil) {

	/** Whether the customer runs something the desk does not (or no longer) support: the intake warning. */
	public boolean unsupported() {
		return status == null || !status.supported();
	}

	public String message() {
		String current = currentVersion == null ? "" : "; the current release is " + currentVersion;
		if (status == null) {
			return system + " " + version + " is not a release the directory lists" + current + ".";
		}
		return switch (status) {
			case CURRENT -> system + " " + version + " is the current release.";
			case SUPPORTED -> system + " " + version + " is supported"
					+ (supportedUntil == null ? "" : " until " + supportedUntil) + current + ".";
			case END_OF_SUPPORT -> system + " " + version + " is past its end of support (" + supportedUntil + ")"
					+ current + ".";
			case PLANNED -> system + " " + version + " is not supported yet" + current + ".";
		};
	}

	static ReleaseStanding of(SystemInfo system, String version) {
		String current = system.releases().stream().filter(r -> r.status() == ReleaseStatus.CURRENT)
			.map(ReleaseInfo::version).findFirst().orElse(null);
		return system.releases().stream().filter(r -> r.version().equalsIgnoreCase(version)).findFirst()
			.map(r -> new ReleaseStanding(system.name(), r.version(), r.status(), current, r.supportedUntil()))
			.orElseGet(() -> new ReleaseStanding(system.name(), version, null, current, null));
	}
}
