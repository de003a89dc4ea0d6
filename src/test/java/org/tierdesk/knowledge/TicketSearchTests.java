package org.tierdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Full-text search of tickets and their conversation, for the program's desk staff only. */
@DeskTest
class TicketSearchTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	org.tierdesk.identity.Accounts accounts;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
	}

	String open(String subject, String description) {
		Response r = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"%s","description":"%s"}"""
			.formatted(d.key(), d.customer().id(), subject, description));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json("$.number");
	}

	Response search(Person who, String text) {
		return api.perform(who, MockMvcRequestBuilders.get("/api/v1/programs/" + d.key() + "/tickets/search")
			.param("text", text), Map.of());
	}

	List<String> found(Person who, String text) {
		Response r = search(who, text);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json("$[*].number");
	}

	@Test
	void aNewTicketIsFoundBySubjectDescriptionAndConversationSoonAfterItIsSaved() {
		String radar = open("Radar console freezes", "The display stops updating after the patch");
		String impressora = open("Impressora do armazém", "As impressoras não imprimem etiquetas");
		await().atMost(Duration.ofSeconds(3)).until(() -> found(d.agent1(), "radar").contains(radar));
		assertThat(found(d.agent1(), "displays stopped")).contains(radar);
		assertThat(found(d.agent1(), "impressora")).contains(impressora);
		assertThat(found(d.agent1(), "raddar")).as("a typo").contains(radar);
		api.post(d.agent1(), "/api/v1/tickets/" + radar + "/entries",
				"{\"visibility\":\"INTERNAL\",\"body\":\"Suspect the graphics driver from vendor Acme\"}");
		await().atMost(Duration.ofSeconds(3)).until(() -> found(d.agent1(), "graphics driver").contains(radar));
		Response hit = search(d.agent1(), "graphics");
		assertThat(hit.<String>json("$[0].snippet")).contains(KnowledgeSearch.MATCH_START + "graphics");
	}

	@Test
	void onlyTheProgramsDeskSearchesItsTickets() {
		String number = open("Secret radar fault", "classified");
		await().atMost(Duration.ofSeconds(3)).until(() -> found(d.agent1(), "secret").contains(number));
		assertThat(search(d.customer(), "secret").status()).isEqualTo(403);
		assertThat(search(d.vendor(), "secret").status()).isEqualTo(403);
		Desk other = testDesk.create();
		assertThat(search(other.agent1(), "secret").status()).isEqualTo(404);
		assertThat(api.perform(other.agent1(), MockMvcRequestBuilders.get("/api/v1/programs/" + other.key()
				+ "/tickets/search").param("text", "secret"), Map.of()).body()).doesNotContain(number);
	}

	@Test
	void unfinishedTicketsOnlyWhenAskedFor() {
		String open = open("Hydraulic pump leaks", "port side");
		String cancelled = open("Hydraulic pump noise", "starboard");
		Response c = api.post(d.agent1(), "/api/v1/tickets/" + cancelled + "/cancellation", "{\"reason\":\"duplicate\"}");
		assertThat(c.status()).as(c.toString()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(3)).until(() -> found(d.agent1(), "hydraulic").containsAll(List.of(open,
				cancelled)));
		Response unfinished = api.perform(d.agent1(), MockMvcRequestBuilders.get("/api/v1/programs/" + d.key()
				+ "/tickets/search").param("text", "hydraulic").param("unfinished", "true"), Map.of());
		assertThat(unfinished.<List<String>>json("$[*].number")).containsExactly(open);
	}

	@Test
	void rowsLoadedBySqlAreFoundAfterTheIndexIsRebuiltAndOnlyAnAdministratorRebuildsIt() {
		long id = 900_000_000L + (System.nanoTime() % 1_000_000);
		jdbc.update("""
				insert into ticket (id, version, number, program_id, kind, channel, subject, description, impact, urgency,
				  priority, status, requester_id, tier, reopen_count, created_by, created_at, updated_at)
				values (?, 0, ?, ?, 'INCIDENT', 'PHONE', 'Periscope hoist jammed', 'Loaded from the old desk', 'MEDIUM',
				  'MEDIUM', 'MEDIUM', 'OPEN', ?, 1, 0, ?, current_timestamp, current_timestamp)""",
				id, "OLD-" + id, d.program().id(), d.customer().id(), d.agent1().id());
		assertThat(found(d.agent1(), "periscope")).isEmpty();
		assertThat(api.post(d.agent1(), "/api/v1/search/index", "{}").status()).isEqualTo(403);
		Person admin = accounts.findByUsername("admin").orElseThrow();
		Response started = api.post(admin, "/api/v1/search/index", "{}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30)).until(() -> !api.get(admin, "/api/v1/search/index").<Boolean>json("$.running"));
		Response done = api.get(admin, "/api/v1/search/index");
		assertThat(done.<Integer>json("$.done")).isPositive();
		assertThat(done.<Integer>json("$.done")).isEqualTo(done.<Integer>json("$.total"));
		assertThat(found(d.agent1(), "periscope")).containsExactly("OLD-" + id);
	}
}
