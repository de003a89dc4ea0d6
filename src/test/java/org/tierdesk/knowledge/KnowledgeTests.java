package org.tierdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.Directories;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/**
 * The validation workflow over the REST API: what customers and Tier 1 may see, who may validate, revisions and their
 * comparison, use on tickets and feedback.
 */
@DeskTest
class KnowledgeTests {

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
		// R-Supply's cognizant authority is the Tier 3 group (agent3); Tier 2 (agent2) is not
		Directories.engineeringAuthorityFor(api, d, LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC")), "R-Supply");
	}

	String write(String audience, String title) {
		Response r = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"%s","problem":"Requisitions hang at Submitting",
				 "symptoms":"The spinner never stops","cause":"A stale lock after the update",
				 "solution":"Clear the queue with the admin tool, then resubmit","keywords":"requisition hang",
				 "systems":{"R-Supply":"4.2"},"audience":"%s"}""".formatted(title, audience));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json("$.number");
	}

	Response act(org.tierdesk.identity.Accounts.Person who, String number, String step, String body) {
		return api.post(who, "/api/v1/articles/" + number + "/" + step, body == null ? "{}" : body);
	}

	@Test
	void anUnvalidatedArticleNeverReachesACustomer() {
		String number = write("PUBLIC", "Requisitions hang");
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number).status()).as("draft").isEqualTo(404);
		assertThat(api.get(d.customer(), "/api/v1/programs/" + d.key() + "/articles").body()).doesNotContain(number);
		assertThat(act(d.agent1(), number, "submission", null).status()).isEqualTo(200);
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number).status()).as("submitted").isEqualTo(404);
		assertThat(act(d.agent3(), number, "validation", "{\"note\":\"checked on 4.2\"}").status()).isEqualTo(200);
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number).status()).as("validated").isEqualTo(404);
		Response published = act(d.manager(), number, "publication", null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(published.<Boolean>json("$.answers")).isTrue();
		Response seen = api.get(d.customer(), "/api/v1/articles/" + number);
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body()).doesNotContain("\"author\"", "\"reviewDue\"");
		assertThat(api.get(d.customer(), "/api/v1/programs/" + d.key() + "/articles").body()).contains(number);

		Response revised = api.put(d.agent1(), "/api/v1/articles/" + number + "?reason=clearer", """
				{"title":"Requisitions hang","problem":"Requisitions hang at Submitting",
				 "solution":"Clear the queue with the admin tool (menu Tools > Queue), then resubmit",
				 "systems":{"R-Supply":"4.2"},"audience":"PUBLIC"}""");
		assertThat(revised.<String>json("$.status")).isEqualTo("DRAFT");
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number).status())
			.as("a changed article is not shown until validated again").isEqualTo(404);
	}

	@Test
	void validationBySomeoneWhoIsNotTheCognizantAuthorityIsRefused() {
		String number = write("AGENTS", "Only engineering validates");
		act(d.agent1(), number, "submission", null);
		assertThat(act(d.agent2(), number, "validation", null).status()).as("Tier 2 is not R-Supply's authority")
			.isEqualTo(403);
		assertThat(act(d.manager(), number, "validation", null).status()).as("nor is the program manager")
			.isEqualTo(403);
		assertThat(act(d.agent1(), number, "publication", null).status()).as("not validated yet").isEqualTo(403);
		assertThat(act(d.manager(), number, "publication", null).status()).isEqualTo(409);
		assertThat(act(d.agent3(), number, "validation", null).status()).isEqualTo(200);
	}

	@Test
	void theAuthorCannotValidateTheirOwnArticle() {
		Response r = api.post(d.agent3(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"Written by engineering","problem":"p","solution":"s","systems":{"R-Supply":null}}""");
		String number = r.json("$.number");
		act(d.agent3(), number, "submission", null);
		Response self = act(d.agent3(), number, "validation", null);
		assertThat(self.status()).isEqualTo(403);
		assertThat(self.body()).contains("other than its author");
	}

	@Test
	void anArticleWithoutASystemCannotBeSubmittedAndOneWithoutAnAuthorityCannotBeValidated() {
		Response none = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"No system","problem":"p","solution":"s"}""");
		Response refused = act(d.agent1(), none.json("$.number"), "submission", null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("systems");
		Response unknown = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"Unknown system","problem":"p","solution":"s","systems":{"Gadget":null}}""");
		act(d.agent1(), unknown.json("$.number"), "submission", null);
		Response noAuthority = act(d.agent3(), unknown.json("$.number"), "validation", null);
		assertThat(noAuthority.status()).isEqualTo(409);
		assertThat(noAuthority.body()).contains("names no cognizant authority");
	}

	@Test
	void everyRevisionIsKeptAndTwoCanBeCompared() {
		String number = write("AGENTS", "Diff me");
		api.put(d.agent1(), "/api/v1/articles/" + number + "?reason=typo", """
				{"title":"Diff me","problem":"Requisitions hang at Submitting",
				 "symptoms":"The spinner never stops","cause":"A stale lock after the update",
				 "solution":"Clear the queue with the admin tool, then resubmit the requisition","keywords":"requisition hang",
				 "systems":{"R-Supply":"4.2"},"audience":"AGENTS"}""");
		List<Object> revisions = api.get(d.agent1(), "/api/v1/articles/" + number + "/revisions").json("$");
		assertThat(revisions).hasSize(2);
		List<String> diff = api.get(d.agent1(), "/api/v1/articles/" + number + "/diff?from=1&to=2").json("$");
		assertThat(diff).contains("-Clear the queue with the admin tool, then resubmit",
				"+Clear the queue with the admin tool, then resubmit the requisition");
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number + "/diff?from=1&to=2").status()).isEqualTo(404);
		List<String> steps = api.get(d.agent1(), "/api/v1/articles/" + number + "/workflow").json("$[*].action");
		assertThat(steps).containsExactly("WRITTEN", "REVISED");
	}

	@Test
	void anExpiredArticleIsNoLongerAnAnswer() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC"));
		Response r = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/articles", """
				{"title":"Short-lived","problem":"p","solution":"s","systems":{"R-Supply":null},"audience":"PUBLIC",
				 "expiresOn":"%s"}""".formatted(today.plusDays(2)));
		String number = r.json("$.number");
		act(d.agent1(), number, "submission", null);
		act(d.agent3(), number, "validation", null);
		act(d.manager(), number, "publication", null);
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number).status()).isEqualTo(200);
		clock.advance(java.time.Duration.ofDays(3));
		assertThat(api.get(d.customer(), "/api/v1/articles/" + number).status()).isEqualTo(404);
		assertThat(api.get(d.agent1(), "/api/v1/articles/" + number).<Boolean>json("$.answers")).isFalse();
	}

	@Test
	void anArticleUsedToResolveTicketsButRatedPoorlyIsFlaggedForReview() {
		String number = write("PUBLIC", "Much used");
		act(d.agent1(), number, "submission", null);
		act(d.agent3(), number, "validation", null);
		act(d.manager(), number, "publication", null);
		for (int i = 0; i < 5; i++) {
			Response t = api.post(d.agent1(), "/api/v1/tickets", """
					{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Hang %d","description":"x"}"""
				.formatted(d.key(), d.customer().id(), i));
			assertThat(act(d.agent1(), number, "tickets", "{\"ticket\":\"" + t.json("$.number") + "\"}").status())
				.isEqualTo(200);
		}
		Response again = act(d.agent1(), number, "tickets", "{\"ticket\":\"" + api.get(d.agent1(),
				"/api/v1/tickets?size=1&program=" + d.key()).json("$.items[0].number") + "\"}");
		assertThat(again.<Integer>json("$.ticketLinks")).as("linking twice counts once").isEqualTo(5);
		act(d.customer(), number, "feedback", "{\"helpful\":false}");
		act(d.colleague(), number, "feedback", "{\"helpful\":false}");
		Response rated = act(d.customer(), number, "feedback", "{\"helpful\":false}");
		assertThat(rated.<Integer>json("$.notHelpful")).as("one vote per reader").isEqualTo(2);
		assertThat(api.get(d.agent1(), "/api/v1/articles/" + number).<Boolean>json("$.flaggedForReview")).isTrue();
	}

	@Test
	void aResolvedTicketBecomesADraftInOneStep() {
		Response t = api.post(d.agent1(), "/api/v1/tickets", """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Printer offline","description":"Tray 2 jams",
				 "facts":{"affectedSystem":"R-Supply","affectedVersion":"4.2"}}""".formatted(d.key(), d.customer().id()));
		String ticket = t.json("$.number");
		assertThat(api.post(d.agent1(), "/api/v1/tickets/" + ticket + "/article", "{}").status())
			.as("not resolved yet").isEqualTo(409);
		api.post(d.agent1(), "/api/v1/tickets/" + ticket + "/ownership", "{}");
		Integer version = api.get(d.agent1(), "/api/v1/tickets/" + ticket).json("$.version");
		Response resolved = api.call(d.agent1(), org.springframework.http.HttpMethod.PUT, "/api/v1/tickets/" + ticket
				+ "/resolution", "{\"code\":\"SOLVED\",\"solution\":\"Cleared the jam and reset the tray\"}",
				java.util.Map.of("If-Match", "\"" + version + "\""));
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
		Response draft = api.post(d.agent1(), "/api/v1/tickets/" + ticket + "/article", "{}");
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		assertThat(draft.<String>json("$.status")).isEqualTo("DRAFT");
		assertThat(draft.<String>json("$.solution")).contains("Cleared the jam");
		assertThat(draft.<String>json("$.systems.R-Supply")).isEqualTo("4.2");
	}

	@Test
	void anotherProgramsArticlesAreNotFound() {
		String number = write("PUBLIC", "Ours");
		Desk other = testDesk.create();
		assertThat(api.get(other.agent1(), "/api/v1/articles/" + number).status()).isEqualTo(404);
		assertThat(api.get(other.vendor(), "/api/v1/articles/" + number).status()).isEqualTo(404);
		assertThat(api.post(other.agent1(), "/api/v1/programs/" + d.key() + "/articles",
				"{\"title\":\"t\",\"problem\":\"p\",\"solution\":\"s\"}").status()).isEqualTo(404);
	}
}
