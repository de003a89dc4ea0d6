package org.tierdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Onboarding a program's source of support directory over the API, and looking systems up in it. */
@DeskTest
class DirectoryTests {

	@Autowired
	SupportGroups supportGroups;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	/** A directory document with dates around the test clock's today. */
	String document() {
		java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Lisbon"));
		return """
				{"systems":[
				 {"name":"R-Supply","aliases":["Relational Supply","RSUP"],"type":"SOFTWARE",
				  "releases":[{"version":"4.2","supportedFrom":"%1$s"},
				              {"version":"4.1","supportedFrom":"%2$s","supportedUntil":"%3$s"}],
				  "authorities":[
				   {"tier":2,"group":"Specialists","contact":"Dana Reyes","email":"dana@navy.example","phone":"+1 555 0102","hours":"Mon-Fri 07:00-17:00"},
				   {"tier":4,"group":"OEM Vendor","contact":"OEM hotline","phone":"+1 555 0199"}],
				  "verifiedBy":"PMW-150 Dana Reyes","verifiedAt":"%4$s","reviewDue":"%5$s"},
				 {"name":"Gestão de Frota","type":"SERVICE",
				  "authorities":[{"tier":3,"group":"Engineering"}],
				  "verifiedBy":"Fleet office","verifiedAt":"%6$s","reviewDue":"%7$s"}
				]}""".formatted(today.minusDays(300), today.minusDays(700), today.minusDays(100), today.minusDays(30),
				today.plusDays(300), today.minusDays(200), today.minusDays(10));
	}

	@Test
	void aGroupRememberedForRoutingShowsItsNewMembersAndPersonAssignmentAtOnce() {
		Desk d = testDesk.create();
		long group = d.tier2().id();
		assertThat(supportGroups.byId(group).memberIds()).doesNotContain(d.agent1().id());

		supportGroups.addMember(group, d.agent1().id());
		supportGroups.assignPeopleBy(group, org.tierdesk.directory.PersonAssignment.ROUND_ROBIN);

		assertThat(supportGroups.byId(group).memberIds()).contains(d.agent1().id());
		assertThat(supportGroups.byId(group).personAssignment())
			.isEqualTo(org.tierdesk.directory.PersonAssignment.ROUND_ROBIN);
		supportGroups.removeMember(group, d.agent1().id());
		assertThat(supportGroups.byId(group).memberIds()).doesNotContain(d.agent1().id());
	}

	@Test
	void aLoadedDirectoryAnswersByNameOrAliasWhateverTheCaseAndAccents() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		Response loaded = api.post(d.manager(), dir + "/import", document());
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
		assertThat((Integer) loaded.json("$.created")).isEqualTo(2);

		Response byAlias = api.get(d.agent1(), dir + "/systems/relational supply");
		assertThat(byAlias.status()).as(byAlias.toString()).isEqualTo(200);
		assertThat((String) byAlias.json("$.name")).isEqualTo("R-Supply");
		assertThat((String) byAlias.json("$.authorities[0].group")).isEqualTo("Specialists");
		assertThat((String) byAlias.json("$.authorities[1].contractReference")).startsWith("C-");
		assertThat(api.get(d.agent1(), dir + "/systems/rsupply").status()).isEqualTo(200);
		assertThat((String) api.get(d.agent1(), dir + "/systems/GESTAO DE FROTA").json("$.name"))
			.isEqualTo("Gestão de Frota");
		assertThat(api.get(d.agent1(), dir + "/systems/Unknown System").status()).isEqualTo(404);

		List<String> services = api.get(d.agent1(), dir + "/systems?type=SERVICE").json("$[*].name");
		assertThat(services).containsExactly("Gestão de Frota");
		List<String> found = api.get(d.agent1(), dir + "/systems?q=supp").json("$[*].name");
		assertThat(found).containsExactly("R-Supply");
	}

	@Test
	void entriesPastTheirReviewDateAreFlaggedAndOldReleasesAreNotSupported() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		api.post(d.manager(), dir + "/import", document());
		// Gestão de Frota was due for review ten days ago
		Response systems = api.get(d.agent1(), dir + "/systems");
		List<Object> pastReview = systems.json("$[?(@.pastReview == true)].name");
		assertThat(pastReview).containsExactly("Gestão de Frota");
		Response rsupply = api.get(d.agent1(), dir + "/systems/R-Supply");
		assertThat((Boolean) rsupply.json("$.releases[0].supportedToday")).isTrue();
		assertThat((Boolean) rsupply.json("$.releases[1].supportedToday")).isFalse();
		assertThat((String) rsupply.json("$.releases[0].status")).isEqualTo("CURRENT");
		assertThat((String) rsupply.json("$.releases[1].status")).isEqualTo("END_OF_SUPPORT");
	}

	@Test
	void aDocumentWithBadRowsChangesNothingAndNamesEveryProblem() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		String bad = document().replace("\"group\":\"Engineering\"", "\"group\":\"Nobody\"")
			.replace("\"type\":\"SOFTWARE\"", "\"type\":\"FIRMWARE\"")
			.replace("\"verifiedBy\":\"Fleet office\",\"verifiedAt\":\"", "\"verifiedBy\":\"Fleet office\",\"verifiedAt\":\"x");
		Response refused = api.post(d.manager(), dir + "/import", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw().getContentType()).isEqualTo("application/problem+json");
		List<String> fields = refused.json("$.errors[*].field");
		assertThat(fields).containsExactlyInAnyOrder("systems[0].type", "systems[1].authorities[0].group",
				"systems[1].verifiedAt");
		List<Integer> lines = refused.json("$.errors[*].line");
		assertThat(lines).containsExactlyInAnyOrder(1, 2, 2);
		assertThat(api.get(d.agent1(), dir + "/systems").<List<Object>>json("$")).isEmpty();
		assertThat(api.get(d.manager(), dir + "/history").<List<Object>>json("$")).isEmpty();
	}

	@Test
	void reloadingTheExportChangesNothingAndAChangeIsInTheHistory() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		api.post(d.manager(), dir + "/import", document());
		int historyAfterFirstLoad = api.get(d.manager(), dir + "/history").<List<Object>>json("$").size();

		String exported = api.get(d.manager(), dir + "/export").body();
		Response again = api.post(d.manager(), dir + "/import", exported);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat((Integer) again.json("$.unchanged")).isEqualTo(2);
		assertThat((Integer) again.json("$.created")).isZero();
		assertThat(api.get(d.manager(), dir + "/history").<List<Object>>json("$")).hasSize(historyAfterFirstLoad);

		clock.advance(Duration.ofHours(1));
		Response changed = api.post(d.manager(), dir + "/import",
				exported.replace("Dana Reyes\",\"email\"", "Sam Ortiz\",\"email\""));
		assertThat((Integer) changed.json("$.updated")).isEqualTo(1);
		Response history = api.get(d.manager(), dir + "/history");
		assertThat((String) history.json("$[0].subject")).isEqualTo("R-Supply");
		assertThat((String) history.json("$[0].field")).isEqualTo("authorities");
		assertThat((String) history.json("$[0].oldValue")).contains("Dana Reyes");
		assertThat((String) history.json("$[0].newValue")).contains("Sam Ortiz");
		assertThat((String) history.json("$[0].actor")).isEqualTo(d.manager().username());
		assertThat((String) api.get(d.agent1(), dir + "/systems/R-Supply").json("$.authorities[0].contact"))
			.isEqualTo("Sam Ortiz");
	}

	Response postCsv(Desk d, String csv) {
		return api.perform(d.manager(), MockMvcRequestBuilders.post("/api/v1/programs/" + d.key() + "/directory/import")
			.contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)), Map.of());
	}

	@Test
	void theExampleFilesInTheRepositoryLoadAndTheirCsvAndJsonSayTheSame() throws Exception {
		Desk fromCsv = testDesk.create();
		Desk fromJson = testDesk.create();
		Response csv = postCsv(fromCsv, Files.readString(Path.of("docs/directory-example.csv")));
		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat((Integer) csv.json("$.created")).isEqualTo(2);
		Response json = api.post(fromJson.manager(), "/api/v1/programs/" + fromJson.key() + "/directory/import",
				Files.readString(Path.of("docs/directory-example.json")));
		assertThat(json.status()).as(json.toString()).isEqualTo(200);

		String csvExport = api.perform(fromCsv.manager(), MockMvcRequestBuilders.get("/api/v1/programs/"
				+ fromCsv.key() + "/directory/export").accept("text/csv"), Map.of()).body();
		String jsonExport = api.perform(fromJson.manager(), MockMvcRequestBuilders.get("/api/v1/programs/"
				+ fromJson.key() + "/directory/export").accept("text/csv"), Map.of()).body();
		assertThat(csvExport).isEqualTo(jsonExport).contains("R-Supply,Relational Supply|RSUP,SOFTWARE");
		assertThat((String) api.get(fromCsv.agent1(), "/api/v1/programs/" + fromCsv.key()
				+ "/directory/systems/gdf").json("$.name")).isEqualTo("Gestão de Frota");

		Response again = postCsv(fromCsv, csvExport);
		assertThat((Integer) again.json("$.unchanged")).isEqualTo(2);
	}

	@Test
	void aCsvWithBadRowsNamesTheirLinesAndColumnsAndChangesNothing() throws Exception {
		Desk d = testDesk.create();
		String csv = Files.readString(Path.of("docs/directory-example.csv"))
			.replace("3,Engineering,", "3,Nobody,")
			.replace(",+1 555 0199,24x7", ",+1 555 0199,24x7\nR-Supply,,HARDWARE,,,,,,,,,,");
		Response refused = postCsv(d, csv);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		List<Integer> lines = refused.json("$.errors[*].line");
		List<String> fields = refused.json("$.errors[*].field");
		assertThat(lines).containsExactly(5);
		assertThat(fields).containsExactly("type");

		Response badGroup = postCsv(d, Files.readString(Path.of("docs/directory-example.csv"))
			.replace("3,Engineering,", "3,Nobody,"));
		assertThat(badGroup.<List<Integer>>json("$.errors[*].line")).containsExactly(3);
		assertThat(badGroup.<List<String>>json("$.errors[*].field")).containsExactly("group");
		assertThat(api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/directory/systems").<List<Object>>json("$"))
			.isEmpty();
	}

	@Test
	void onlyTheProgramsStaffReadItAndOnlyItsManagersLoadIt() {
		Desk d = testDesk.create();
		Desk other = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		assertThat(api.post(d.agent1(), dir + "/import", document()).status()).isEqualTo(403);
		assertThat(api.post(other.manager(), dir + "/import", document()).status()).isEqualTo(404);
		api.post(d.manager(), dir + "/import", document());
		assertThat(api.get(d.customer(), dir + "/systems").status()).isEqualTo(403);
		assertThat(api.get(d.vendor(), dir + "/export").status()).isEqualTo(403);
		assertThat(api.get(other.agent1(), dir + "/systems/R-Supply").status()).isEqualTo(404);
		assertThat(api.get(d.agent2(), dir + "/systems/R-Supply").status()).isEqualTo(200);
	}

	@Test
	void aGroupCreatedAheadOfTheDefaultByNameBecomesTheDefaultAtOnce() {
		Desk d = testDesk.create();
		long program = d.program().id();
		assertThat(supportGroups.defaultGroupId(program, 1)).contains(d.tier1().id()); // "Service Desk", remembered

		SupportGroups.GroupInfo first = supportGroups.create(program, "Air Wing Desk", 1, null, null);

		assertThat(supportGroups.defaultGroupId(program, 1)).contains(first.id());
	}

	@Test
	void aTicketShowsAGroupByItsNameAndTierAndAnUnknownGroupIsLeftOut() {
		Desk d = testDesk.create();

		Map<Long, SupportGroups.GroupLabel> labels = supportGroups.labels(List.of(d.tier1().id(), d.vendorGroup().id(),
				-1L));

		assertThat(labels).containsOnlyKeys(d.tier1().id(), d.vendorGroup().id());
		assertThat(labels.get(d.tier1().id())).isEqualTo(new SupportGroups.GroupLabel(d.tier1().id(), "Service Desk", 1));
		assertThat(labels.get(d.vendorGroup().id()).tier()).isEqualTo(4);
		assertThat(supportGroups.labels(List.of(d.tier1().id()))).as("again, from memory")
			.isEqualTo(Map.of(d.tier1().id(), labels.get(d.tier1().id())));
	}
}
