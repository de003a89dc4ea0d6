package org.tierdesk.ticket;

import java.time.LocalDate;

import org.tierdesk.system.InvalidFieldException;

/**
 * How the owner resolved a ticket: a code and the solution text; a fix action also names the release with the
 * correction and the date it is (or was) released.
 */
public record Resolution(ResolutionCode code, String solution, String fixRelease, LocalDate fixReleaseDate) {

	public Resolution {
		if (code == null) {
			throw new InvalidFieldException("code", "a resolution code is required");
		}
		if (solution == null || solution.isBlank()) {
			throw new InvalidFieldException("solution", "a resolution needs the solution, workaround or fix action text");
		}
		if (solution.length() > 100_000) {
			throw new InvalidFieldException("solution", "the solution text is limited to 100000 characters");
		}
		if (code == ResolutionCode.FIX_ACTION && (fixRelease == null || fixRelease.isBlank() || fixReleaseDate == null)) {
			throw new InvalidFieldException(fixRelease == null || fixRelease.isBlank() ? "fixRelease" : "fixReleaseDate",
					"a fix action names the corrected release and its release date");
		}
		solution = solution.strip();
	}
}
