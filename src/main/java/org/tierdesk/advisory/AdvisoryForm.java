package org.tierdesk.advisory;

import java.time.Instant;
import java.util.List;

/** An advisory as the API and the console's form send it. */
public record AdvisoryForm(AdvisoryKind kind, AdvisoryAudience audience, String severity, String title, String body,
		List<String> systems, List<String> versions, List<String> sites, List<String> organizations, Boolean byEmail,
		Boolean bySms, Boolean requiresAcknowledgement, Integer remindEveryHours, Integer maxReminders,
		Instant expiresAt) {

	Advisory.Severity severityLevel() {
		if (severity == null || severity.isBlank()) {
			return null;
		}
		try {
			return Advisory.Severity.valueOf(severity.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new org.tierdesk.system.InvalidFieldException("severity", "severity is INFO, WARNING or CRITICAL");
		}
	}

	Advisory.Content content() {
		return new Advisory.Content(kind, audience, severityLevel(), title, body, systems, versions, sites,
				organizations, Boolean.TRUE.equals(byEmail), Boolean.TRUE.equals(bySms),
				Boolean.TRUE.equals(requiresAcknowledgement), remindEveryHours, maxReminders, expiresAt);
	}
}
