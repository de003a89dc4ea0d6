package org.tierdesk.deficiency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.Directory.SystemInfo;
import org.tierdesk.directory.ReleaseStanding;
import org.tierdesk.ticket.IntakeCheck;
import org.tierdesk.ticket.IntakeNote;
import org.tierdesk.ticket.TicketOpened;
import org.tierdesk.ticket.Tickets;

/**
 * What intake should know about the system and version a request names: whether the customer runs a release the
 * desk supports (from the directory), and the known errors (open deficiency reports with their workaround) for it.
 * Shown live on the request and call forms; written as an internal note on every new ticket that has any, in the
 * transaction that opens it.
 */
@Component
public class IntakeWarnings implements IntakeNote {

	/** The warnings for a system and version: the release's standing (when unsupported) and the known errors. */
	public record Warnings(ReleaseStanding release, List<DeficiencyReports.KnownError> knownErrors) {

		public boolean any() {
			return release != null || !knownErrors.isEmpty();
		}

		/** The note an agent reads on the ticket. */
		String note() {
			List<String> lines = new ArrayList<>();
			if (release != null) {
				lines.add("Unsupported version: " + release.message());
			}
			for (DeficiencyReports.KnownError e : knownErrors) {
				lines.add("Known error " + e.number() + " (" + e.system() + " " + e.versionFound() + ", " + e.status()
						+ "): " + e.title() + (e.workaround() == null ? "" : "\nWorkaround: " + e.workaround())
						+ (e.fixRelease() == null ? "" : "\nFix planned in " + e.fixRelease()
								+ (e.fixPlannedOn() == null ? "" : " on " + e.fixPlannedOn())));
			}
			return String.join("\n\n", lines);
		}
	}

	private final Directory directory;

	private final DeficiencyReports reports;

	private final Tickets tickets;

	IntakeWarnings(Directory directory, DeficiencyReports reports, Tickets tickets) {
		this.directory = directory;
		this.reports = reports;
		this.tickets = tickets;
	}

	public Warnings of(long programId, String system, String version) {
		if (system == null || system.isBlank()) {
			return new Warnings(null, List.of());
		}
		// once, for both warnings; a system the directory does not list (as its routing table in memory says) costs
		// no read
		Optional<SystemInfo> known = directory.route(programId, system).isPresent()
				? directory.lookUp(programId, system) : Optional.empty();
		ReleaseStanding standing = known.flatMap(s -> directory.standing(s, version))
			.filter(ReleaseStanding::unsupported).orElse(null);
		return new Warnings(standing, reports.knownErrors(programId, system, known, version));
	}

	/** The note on a new ticket naming a system with warnings, written in its opening transaction. */
	@Override
	public Optional<String> noteOn(IntakeCheck.Intake intake) {
		Warnings warnings = of(intake.programId(), intake.facts().affectedSystem(), intake.facts().affectedVersion());
		return warnings.any() ? Optional.of(warnings.note()) : Optional.empty();
	}

	/** A ticket whose opening transaction could not check it (or opened before tickets were checked there). */
	@ApplicationModuleListener(condition = "!#opened.noted() && #opened.affectedSystem() != null")
	void on(TicketOpened opened) {
		// the facts as the requester gave them at intake travel with the event: no second read of the ticket
		Warnings warnings = of(opened.programId(), opened.affectedSystem(), opened.affectedVersion());
		if (warnings.any()) {
			tickets.noteAsSystem(opened.ticketId(), warnings.note());
		}
	}
}
