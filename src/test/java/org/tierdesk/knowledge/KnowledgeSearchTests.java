package org.tierdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/** Full-text search of articles in English and Portuguese, and who finds what. */
@DeskTest
class KnowledgeSearchTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	Desk d;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC"));
		Response loaded = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[{"name":"R-Supply","type":"SOFTWARE","authorities":[{"tier":3,"group":"%1$s"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%2$s","reviewDue":"%3$s"},
				 {"name":"Impressoras","type":"HARDWARE","authorities":[{"tier":3,"group":"%1$s"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%2$s","reviewDue":"%3$s"}]}"""
			.formatted(d.tier3().name(), today.minusDays(1), today.plusDays(300)));
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
	}

	String publish(String json) {
		Response r = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", json);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		String number = r.json("$.number");
		assertThat(api.post(d.agent1(), "/api/v1/articles/" + number + "/submission", "{}").status()).isEqualTo(200);
		assertThat(api.post(d.agent3(), "/api/v1/articles/" + number + "/validation", "{}").status()).isEqualTo(200);
		assertThat(api.post(d.manager(), "/api/v1/articles/" + number + "/publication", "{}").status()).isEqualTo(200);
		return number;
	}

	List<String> found(Person who, String text, String extra) {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/programs/" + d.key() + "/articles/search").param("text", text);
		for (String pair : extra.split("&")) {
			if (pair.contains("=")) {
				request.param(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
		}
		Response r = api.perform(who, request, java.util.Map.of());
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json("$[*].number");
	}

	/** Indexing runs after the commit: wait (briefly) until the article can be found. */
	void findable(Person who, String text, String number) {
		await().atMost(Duration.ofSeconds(5)).until(() -> found(who, text, "").contains(number));
	}

	@Test
	void englishAndPortugueseAreStemmedAndTyposForgiven() {
		String printer = publish("""
				{"title":"Printer shows paper jam","problem":"The printers in the supply office report a jam",
				 "solution":"Open tray 2 and remove the torn sheet","systems":{"R-Supply":null},"audience":"PUBLIC"}""");
		String impressora = publish("""
				{"title":"Impressora não imprime","problem":"A impressora do armazém não responde",
				 "solution":"Desligar e voltar a ligar a impressora","systems":{"Impressoras":null},"audience":"PUBLIC"}""");
		findable(d.agent1(), "printer", printer);
		assertThat(found(d.customer(), "printers jammed", "")).contains(printer);
		assertThat(found(d.customer(), "impressoras", "")).as("plural finds singular").contains(impressora);
		assertThat(found(d.customer(), "nao imprime", "")).as("accents ignored").contains(impressora);
		assertThat(found(d.customer(), "priner", "")).as("a typo").contains(printer);
		assertThat(found(d.customer(), "\"torn sheet\"", "")).as("a phrase").containsExactly(printer);
		assertThat(found(d.customer(), "\"sheet torn\"", "")).as("words in another order are not the phrase")
			.doesNotContain(printer);
		assertThat(found(d.customer(), "armaz*", "")).as("a prefix").contains(impressora);
		assertThat(found(d.customer(), "printer", "&system=impressoras")).as("filtered by system").isEmpty();
		Response hits = api.get(d.customer(), "/api/v1/programs/" + d.key() + "/articles/search?text=torn");
		assertThat(hits.<String>json("$[0].snippet")).contains(KnowledgeSearch.MATCH_START + "torn"
				+ KnowledgeSearch.MATCH_END);
	}

	@Test
	void customersFindOnlyPublishedPublicAnswersAndTheDeskOnlyAnswersForItsTier() {
		String published = publish("""
				{"title":"Reset a locked account","problem":"Locked out of the requisition screen",
				 "solution":"Use the self-service unlock page","systems":{"R-Supply":null},"audience":"PUBLIC"}""");
		String forAgents = publish("""
				{"title":"Unlock an account for a caller","problem":"Caller locked out of the requisition screen",
				 "solution":"Admin tool, Users, Unlock","systems":{"R-Supply":null},"audience":"AGENTS"}""");
		String forEngineering = publish("""
				{"title":"Unlock by database","problem":"Requisition screen lock table stuck",
				 "solution":"delete from user_lock where ...","systems":{"R-Supply":null},"audience":"INTERNAL",
				 "internalTier":3}""");
		Response draft = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"Unlock draft","problem":"Requisition screen locked","solution":"not validated yet",
				 "systems":{"R-Supply":null},"audience":"PUBLIC"}""");
		String unvalidated = draft.json("$.number");
		findable(d.agent3(), "requisition", forEngineering);
		assertThat(found(d.customer(), "requisition", "")).containsExactly(published);
		assertThat(found(d.agent1(), "requisition", "")).contains(published, forAgents)
			.doesNotContain(forEngineering, unvalidated);
		assertThat(found(d.agent3(), "requisition", "")).contains(published, forAgents, forEngineering)
			.doesNotContain(unvalidated);
		await().atMost(Duration.ofSeconds(5)).until(() -> found(d.agent1(), "requisition", "&everything=true")
			.contains(unvalidated));
		assertThat(found(d.customer(), "requisition", "&everything=true")).doesNotContain(unvalidated);
		Desk other = testDesk.create();
		assertThat(api.get(other.customer(), "/api/v1/programs/" + d.key() + "/articles/search?text=requisition")
			.status()).isEqualTo(404);
	}

	@Test
	void aRevisedArticleLeavesTheAnswersUntilValidatedAgain() {
		String number = publish("""
				{"title":"VPN drops every hour","problem":"The VPN disconnects","solution":"Renew the certificate",
				 "systems":{"R-Supply":null},"audience":"PUBLIC"}""");
		findable(d.customer(), "vpn", number);
		api.put(d.agent1(), "/api/v1/articles/" + number, """
				{"title":"VPN drops every hour","problem":"The VPN disconnects","solution":"Renew the certificate yearly",
				 "systems":{"R-Supply":null},"audience":"PUBLIC"}""");
		await().atMost(Duration.ofSeconds(5)).until(() -> !found(d.customer(), "vpn", "").contains(number));
	}
}
