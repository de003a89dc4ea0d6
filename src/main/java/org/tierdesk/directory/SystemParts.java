package org.tierdesk.directory;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The value parts of a supported system, stored in its collection tables. */
final class SystemParts {

	private SystemParts() {
	}

	@Embeddable
	record Alias(String alias, @Column(name = "alias_key") String aliasKey) {

		@Override
		public String toString() {
			return alias;
		}
	}

	@Embeddable
	record Release(@Column(name = "release_version") String version, LocalDate supportedFrom,
			LocalDate supportedUntil, LocalDate releasedOn) {

		boolean supportedOn(LocalDate day) {
			return (supportedFrom == null || !day.isBefore(supportedFrom))
					&& (supportedUntil == null || !day.isAfter(supportedUntil));
		}

		@Override
		public String toString() {
			return version + " (" + (supportedFrom == null ? "" : supportedFrom) + ".."
					+ (supportedUntil == null ? "" : supportedUntil) + (releasedOn == null ? "" : ", released " + releasedOn)
					+ ")";
		}
	}

	@Embeddable
	record Authority(int tier, long groupId, String contactName, String contactEmail, String contactPhone,
			String contactHours) {

		@Override
		public String toString() {
			return "tier " + tier + ": group " + groupId + (contactName == null ? "" : ", " + contactName)
					+ (contactEmail == null ? "" : ", " + contactEmail) + (contactPhone == null ? "" : ", " + contactPhone)
					+ (contactHours == null ? "" : ", " + contactHours);
		}
	}
}
