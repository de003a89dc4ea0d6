package org.tierdesk.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Coverage and on-call rotations over the API, in a whole-directory document and on their own. */
@DeskTest
class OnCallTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	String document(Desk d, String member) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Lisbon"));
		return """
				{"systems":[{"name":"R-Supply","type":"SOFTWARE","authorities":[{"tier":2,"group":"Specialists"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%1$s","reviewDue":"%2$s"}],
				 "coverage":{"officeHours":{"MONDAY":["08:00-12:00","13:00-17:00"],"FRIDAY":["08:00-16:00"]},
				  "holidays":["--12-25","2026-12-08"],"afterHours":"ON_CALL","emergencyPriorities":["CRITICAL","HIGH"],
				  "notes":"Specialists' engineer on call"},
				 "rotations":[{"name":"Specialists on call","group":"Specialists","members":["%3$s"],"shiftDays":7,
				  "handover":"08:00","startsOn":"%1$s",
				  "overrides":[{"person":"%3$s","from":"2026-12-24T18:00","until":"2026-12-26T08:00","reason":"Christmas"}]}]}"""
			.formatted(today.minusDays(2), today.plusDays(200), member);
	}

	@Test
	void aWholeDirectoryWithCoverageAndRotationsLoadsExportsAndReloadsUnchanged() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		Response loaded = api.post(d.manager(), dir + "/import", document(d, d.agent2().username()));
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
		assertThat((Integer) loaded.json("$.rotations")).isEqualTo(1);
		assertThat((Boolean) loaded.json("$.coverage")).isTrue();

		Response coverage = api.get(d.agent1(), dir + "/coverage");
		assertThat((List<String>) coverage.json("$.officeHours.MONDAY")).containsExactly("08:00-12:00", "13:00-17:00");
		assertThat((List<String>) coverage.json("$.holidays")).containsExactly("--12-25", "2026-12-08");
		Response rotation = api.get(d.agent1(), dir + "/rotations/specialists ON CALL");
		assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
		assertThat((String) rotation.json("$.onCallNow.person")).isEqualTo(d.agent2().username());
		assertThat((String) rotation.json("$.overrides[0].reason")).isEqualTo("Christmas");

		Response exported = api.get(d.agent1(), dir + "/export");
		int historyBefore = ((List<?>) api.get(d.agent1(), dir + "/history").json("$")).size();
		Response again = api.post(d.manager(), dir + "/import", exported.body());
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat((Integer) again.json("$.unchanged")).isEqualTo(1);
		assertThat(((List<?>) api.get(d.agent1(), dir + "/history").json("$")).size())
			.as("re-importing the export changes nothing").isEqualTo(historyBefore);

		List<String> contacts = api.get(d.agent1(), dir + "/contacts").json("$[*].name");
		assertThat(contacts).isEmpty();
	}

	@Test
	void aBadRotationInADocumentChangesNothingAtAllAndEveryProblemIsNamed() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		String bad = document(d, d.agent3().username()).replace("\"handover\":\"08:00\"", "\"handover\":\"25:00\"")
			.replace("\"FRIDAY\"", "\"FUNDAY\"");
		Response r = api.post(d.manager(), dir + "/import", bad);
		assertThat(r.status()).as(r.toString()).isEqualTo(400);
		List<Map<String, Object>> errors = r.json("$.errors");
		assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("rotations[0].members[0]",
				"rotations[0].handover", "coverage.officeHours.FUNDAY");
		assertThat((List<?>) api.get(d.agent1(), dir + "/systems").json("$")).as("the good systems were not loaded")
			.isEmpty();
		assertThat((List<?>) api.get(d.agent1(), dir + "/rotations").json("$")).isEmpty();
		assertThat((Boolean) api.get(d.agent1(), dir + "/coverage").json("$.defined")).isFalse();
	}

	@Test
	void rotationsAreKeptByManagersAndTheirGroupWhoCanAddCover() {
		Desk d = testDesk.create();
		String dir = "/api/v1/programs/" + d.key() + "/directory";
		String rotation = """
				{"group":"Specialists","members":["%s"],"shiftDays":1,"handover":"00:00","startsOn":"2026-01-01"}"""
			.formatted(d.agent2().username());
		assertThat(api.put(d.agent2(), dir + "/rotations/nights", rotation).status()).isEqualTo(403);
		assertThat(api.put(d.manager(), dir + "/rotations/nights", rotation).status()).isEqualTo(200);
		Response cover = api.post(d.agent2(), dir + "/rotations/nights/overrides", """
				{"person":"%s","from":"%s","until":"%s","reason":"swap"}""".formatted(d.agent3().username(),
				clock.instant().minusSeconds(10), clock.instant().plusSeconds(3600)));
		assertThat(cover.status()).as(cover.toString()).isEqualTo(200);
		assertThat((String) cover.json("$.onCallNow.person")).isEqualTo(d.agent3().username());
		assertThat((Boolean) cover.json("$.onCallNow.override")).isTrue();
		assertThat(api.post(d.agent1(), dir + "/rotations/nights/overrides", """
				{"person":"%s","from":"2026-01-01T00:00","until":"2026-01-02T00:00"}""".formatted(d.agent1().username()))
			.status()).as("another group does not change this rotation").isEqualTo(403);
		List<String> history = api.get(d.agent1(), dir + "/history").json("$[*].field");
		assertThat(history).contains("rotation", "override");
		assertThat(api.get(d.customer(), dir + "/rotations").status()).isEqualTo(403);
		Desk other = testDesk.create();
		assertThat(api.get(other.manager(), dir + "/rotations").status()).isEqualTo(404);
		assertThat(api.call(d.manager(), org.springframework.http.HttpMethod.DELETE, dir + "/rotations/nights", null,
				Map.of()).status()).isEqualTo(204);
		assertThat(api.get(d.agent1(), dir + "/rotations/nights").status()).isEqualTo(404);
	}
}
