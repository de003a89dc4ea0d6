package org.tierdesk.directory;

import java.util.List;

/**
 * A program's directory as a document: what is imported and exported (JSON; CSV has one row per authority). Dates are
 * ISO {@code yyyy-MM-dd}. Values are strings here so that an import can report every bad value, not just the first.
 * {@code coverage} (office hours, holidays, after hours) and {@code rotations} (on call) are optional: when absent, an
 * import leaves them as they are; CSV carries systems and authorities only.
 */
public record DirectoryDocument(String program, List<SystemEntry> systems, OnCall.CoverageForm coverage,
		List<OnCall.RotationForm> rotations) {

	/** Systems only: coverage and rotations are left as they are. */
	public DirectoryDocument(String program, List<SystemEntry> systems) {
		this(program, systems, null, null);
	}

	/**
	 * A supported system.
	 *
	 * @param type       {@code HARDWARE}, {@code SOFTWARE} or {@code SERVICE}
	 * @param verifiedBy the cognizant authority (person or office) who validated this entry
	 * @param verifiedAt when they did
	 * @param reviewDue  when the entry must be validated again; past it, the entry is flagged
	 */
	public record SystemEntry(String name, List<String> aliases, String type, List<ReleaseEntry> releases,
			List<AuthorityEntry> authorities, String verifiedBy, String verifiedAt, String reviewDue) {
	}

	/**
	 * A release: when it shipped ({@code releasedOn}, optional) and from and until when it is supported
	 * ({@code supportedUntil} empty: open-ended).
	 */
	public record ReleaseEntry(String version, String supportedFrom, String supportedUntil, String releasedOn) {

		public ReleaseEntry(String version, String supportedFrom, String supportedUntil) {
			this(version, supportedFrom, supportedUntil, null);
		}
	}

	/** The cognizant authority at a tier: a support group of the program, by name, and its point of contact. */
	public record AuthorityEntry(Integer tier, String group, String contact, String email, String phone,
			String hours) {
	}
}
