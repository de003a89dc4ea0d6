package org.tierdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierdesk.directory.DirectoryDocument.AuthorityEntry;
import org.tierdesk.directory.DirectoryDocument.ReleaseEntry;
import org.tierdesk.directory.DirectoryDocument.SystemEntry;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.system.NameKey;

class DirectoryValidationTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final List<GroupInfo> GROUPS = List.of(new GroupInfo(10, 1, "Specialists", 2, null, null, Set.of(), PersonAssignment.NONE),
			new GroupInfo(11, 1, "OEM Vendor", 4, null, "C-77", Set.of(), PersonAssignment.NONE));

	static SystemEntry entry(String name, List<String> aliases, List<AuthorityEntry> authorities) {
		return new SystemEntry(name, aliases, "SOFTWARE", List.of(new ReleaseEntry("4.2", "2025-01-01", null)),
				authorities, "PMW-150", "2026-10-01", "2027-04-01");
	}

	static DirectoryValidation.Result validate(Map<String, String> taken, SystemEntry... entries) {
		return new DirectoryValidation(GROUPS, taken, TODAY).validate(new DirectoryDocument(null, List.of(entries)),
				null);
	}

	@Test
	void namesAreComparedWithoutCaseAccentsSpacesOrPunctuation() {
		assertThat(NameKey.of("R-Supply")).isEqualTo(NameKey.of("r supply")).isEqualTo(NameKey.of("RSUPPLY"));
		assertThat(NameKey.of("Gestão de Frota")).isEqualTo(NameKey.of("GESTAO-DE-FROTA"));
		assertThat(NameKey.of("R-Supply")).isNotEqualTo(NameKey.of("R-Supply 2"));
	}

	@Test
	void aValidEntryResolvesItsGroupsByNameAtTheirTier() {
		var result = validate(Map.of(), entry("R-Supply", List.of("RSUP"),
				List.of(new AuthorityEntry(2, "specialists", "Dana", "dana@navy.example", null, null),
						new AuthorityEntry(4, "OEM Vendor", null, null, "+1 555", null))));
		assertThat(result.problems()).isEmpty();
		assertThat(result.systems()).singleElement().satisfies(s -> {
			assertThat(s.authorities()).extracting(SystemParts.Authority::groupId).containsExactly(10L, 11L);
			assertThat(s.aliases()).extracting(SystemParts.Alias::aliasKey).containsExactly("rsup");
		});
	}

	@Test
	void everyProblemIsReportedWithItsEntryAndFieldAndNothingIsValidThen() {
		var result = validate(Map.of(),
				entry("Good", List.of(), List.of()),
				new SystemEntry(" ", List.of(), "FIRMWARE", List.of(new ReleaseEntry("1", "2026-02-01", "2026-01-01")),
						List.of(new AuthorityEntry(2, "OEM Vendor", null, "not-an-email", null, null),
								new AuthorityEntry(7, "Specialists", null, null, null, null)),
						null, "2027-01-01", "2026-12-01"));
		assertThat(result.systems()).isEmpty();
		assertThat(result.problems()).extracting(RowProblem::line).containsOnly(2);
		assertThat(result.problems()).extracting(RowProblem::field).containsExactlyInAnyOrder("systems[1].name",
				"systems[1].type", "systems[1].releases[0].supportedUntil", "systems[1].authorities[0].group",
				"systems[1].authorities[0].email", "systems[1].authorities[1].tier", "systems[1].verifiedBy",
				"systems[1].verifiedAt", "systems[1].reviewDue");
	}

	@Test
	void aNameOrAliasBelongsToOneSystemOnly() {
		var twice = validate(Map.of(), entry("R-Supply", List.of(), List.of()),
				entry("Other", List.of("r supply"), List.of()));
		assertThat(twice.problems()).extracting(RowProblem::field).containsExactly("systems[1].aliases[0]");

		var takenByAnExistingSystem = validate(Map.of("rsup", "rsupply", "rsupply", "rsupply"),
				entry("Other", List.of("RSUP"), List.of()));
		assertThat(takenByAnExistingSystem.problems()).extracting(RowProblem::field).containsExactly("systems[0].aliases");

		var movedWithinTheDocument = validate(Map.of("rsup", "rsupply", "rsupply", "rsupply"),
				entry("R-Supply", List.of(), List.of()), entry("Other", List.of("RSUP"), List.of()));
		assertThat(movedWithinTheDocument.problems()).as("R-Supply is reloaded without the alias").isEmpty();
	}
}
