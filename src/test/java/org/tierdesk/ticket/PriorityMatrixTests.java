package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Each program rates its tickets with its own impact x urgency matrix, or the desk-wide default. */
@DeskTest
class PriorityMatrixTests {

	/** A stricter matrix: anything of high urgency is critical. */
	static final String STRICT = """
			{"cells":{
			  "HIGH":  {"HIGH":"CRITICAL","MEDIUM":"HIGH",  "LOW":"MEDIUM"},
			  "MEDIUM":{"HIGH":"CRITICAL","MEDIUM":"MEDIUM","LOW":"LOW"},
			  "LOW":   {"HIGH":"CRITICAL","MEDIUM":"LOW",   "LOW":"PLANNING"}}}""";

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Test
	void aProgramWithoutItsOwnMatrixUsesTheDeskDefault() {
		Desk d = testDesk.create();
		Response matrix = api.get(d.agent1(), "/api/v1/programs/" + d.key() + "/priority-matrix");
		assertThat(matrix.status()).isEqualTo(200);
		assertThat((String) matrix.json("$.source")).isEqualTo("DESK_DEFAULT");
		assertThat((String) matrix.json("$.cells.MEDIUM.HIGH")).isEqualTo("HIGH");
		assertThat(priorityOfNewTicket(d, "MEDIUM", "HIGH")).isEqualTo("HIGH");
	}

	@Test
	void aProgramsOwnMatrixRatesItsNewTicketsAndOnlyItsOwn() {
		Desk strict = testDesk.create();
		Desk other = testDesk.create();
		String path = "/api/v1/programs/" + strict.key() + "/priority-matrix";
		assertThat(priorityOfNewTicket(strict, "MEDIUM", "HIGH")).isEqualTo("HIGH");

		Response set = api.put(strict.manager(), path, STRICT);
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat((String) set.json("$.source")).isEqualTo("PROGRAM");
		assertThat((Integer) set.json("$.updatedBy")).isEqualTo((int) strict.manager().id());

		assertThat(priorityOfNewTicket(strict, "MEDIUM", "HIGH")).isEqualTo("CRITICAL");
		assertThat(priorityOfNewTicket(strict, "LOW", "HIGH")).isEqualTo("CRITICAL");
		assertThat(priorityOfNewTicket(other, "MEDIUM", "HIGH")).as("another program keeps the default")
			.isEqualTo("HIGH");

		// re-rating an existing ticket uses the program's matrix too
		String number = openTicket(strict, "LOW", "LOW");
		Response rerated = api.patch(strict.agent1(), "/api/v1/tickets/" + number, "{\"urgency\":\"HIGH\"}");
		assertThat((String) rerated.json("$.priority")).isEqualTo("CRITICAL");

		Response reset = api.call(strict.manager(), HttpMethod.DELETE, path, null, Map.of());
		assertThat((String) reset.json("$.source")).isEqualTo("DESK_DEFAULT");
		assertThat(priorityOfNewTicket(strict, "MEDIUM", "HIGH")).isEqualTo("HIGH");
	}

	@Test
	void anIncompleteMatrixIsRefusedNamingTheMissingCellAndChangesNothing() {
		Desk d = testDesk.create();
		String path = "/api/v1/programs/" + d.key() + "/priority-matrix";
		Response refused = api.put(d.manager(), path, STRICT.replace(",   \"LOW\":\"PLANNING\"", ""));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.raw().getContentType()).isEqualTo("application/problem+json");
		assertThat(refused.body()).contains("cells.LOW.LOW");
		assertThat((String) api.get(d.manager(), path).json("$.source")).isEqualTo("DESK_DEFAULT");

		Response unknown = api.put(d.manager(), path, STRICT.replace("\"PLANNING\"", "\"URGENTISSIMO\""));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("cells.LOW.LOW");
	}

	@Test
	void onlyTheProgramsManagersChangeItsMatrix() {
		Desk d = testDesk.create();
		Desk other = testDesk.create();
		String path = "/api/v1/programs/" + d.key() + "/priority-matrix";
		assertThat(api.put(d.agent1(), path, STRICT).status()).isEqualTo(403);
		assertThat(api.get(d.customer(), path).status()).isEqualTo(403);
		assertThat(api.get(d.vendor(), path).status()).isEqualTo(403);
		assertThat(api.put(other.manager(), path, STRICT).status()).isEqualTo(404);
		assertThat(api.get(other.agent1(), path).status()).isEqualTo(404);
	}

	private String priorityOfNewTicket(Desk d, String impact, String urgency) {
		String number = openTicket(d, impact, urgency);
		return api.get(d.agent1(), "/api/v1/tickets/" + number).json("$.priority");
	}

	private String openTicket(Desk d, String impact, String urgency) {
		Response opened = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Printer jam","description":"Tray 2",
				 "impact":"%s","urgency":"%s"}""".formatted(d.key(), d.customer().id(), impact, urgency));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		return opened.json("$.number");
	}
}
