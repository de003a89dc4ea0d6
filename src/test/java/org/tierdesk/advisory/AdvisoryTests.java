package org.tierdesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.Role;

/**
 * Advisory notices over the REST API: approval by a manager other than the author, an advisory for version 2.1 of a
 * system reaching exactly the customers who run it (and the program's agents), delivery by email and SMS through the
 * outbox, acknowledgement, reminders, expiry and withdrawal, heads-up messages for agents only.
 */
@DeskTest
class AdvisoryTests {

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	@Autowired
	Accounts accounts;

	@Autowired
	Advisories advisories;

	@Autowired
	JdbcTemplate jdbc;

	Desk d;

	Person onTwoOne;

	Person onTwoOneByAlias;

	Person onTwoZero;

	Person otherSystem;

	Person otherSite;

	Person noAssets;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		LocalDate today = LocalDate.ofInstant(clock.instant(), d.program().timeZone());
		assertThat(api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import", """
				{"systems":[{"name":"X-Plan","aliases":["XP"],"type":"SOFTWARE","authorities":[{"tier":2,"group":"%1$s"}],
				  "verifiedBy":"PMW","verifiedAt":"%2$s","reviewDue":"%3$s"},
				 {"name":"Radar","type":"HARDWARE","authorities":[{"tier":2,"group":"%1$s"}],
				  "verifiedBy":"PMW","verifiedAt":"%2$s","reviewDue":"%3$s"}]}"""
			.formatted(d.tier2().name(), today.minusDays(1), today.plusDays(300))).status()).isEqualTo(200);
		String k = d.key();
		onTwoOne = customer("a", "Fleet A " + k, "Pier 1");
		onTwoOneByAlias = customer("b", "Fleet B " + k, "Depot");
		onTwoZero = customer("c", "Fleet C " + k, "Pier 1");
		otherSystem = customer("d", "Fleet D " + k, "Pier 1");
		otherSite = customer("e", "Fleet A " + k, "Hangar 3");
		noAssets = customer("f", "Fleet F " + k, "Pier 1");
		Response loaded = api.perform(d.manager(), MockMvcRequestBuilders
			.post("/api/v1/programs/" + k + "/entitlement/import/assets").contentType(new MediaType("text", "csv"))
			.content("""
					serial_number,system,site,organization,contract_number,warranty_ends,version
					SN-A,X-Plan,Pier 1,Fleet A %1$s,,,2.1
					SN-B,xp,,Fleet B %1$s,,,2.1
					SN-C,X-Plan,Pier 1,Fleet C %1$s,,,2.0
					SN-D,Radar,Pier 1,Fleet D %1$s,,,2.1
					SN-E,X-Plan,Pier 2,Fleet A %1$s,,,2.10
					""".formatted(k)), Map.of());
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
	}

	Person customer(String suffix, String organization, String site) {
		String u = d.key().toLowerCase() + ".adv." + suffix;
		return accounts.create(new NewAccount(u, "Customer " + suffix.toUpperCase(), u + "@example.org", "+351 91"
				+ Math.abs(u.hashCode() % 10_000_000), organization, site, TestDesk.PASSWORD, EnumSet.of(Role.CUSTOMER),
				Set.of(d.program().id())));
	}

	String write(Person author, String body) {
		Response r = api.post(author, "/api/v1/programs/" + d.key() + "/advisories", body);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json("$.number");
	}

	Response step(Person who, String number, String step, String body) {
		return api.post(who, "/api/v1/advisories/" + number + "/" + step, body == null ? "{}" : body);
	}

	void approveAndPublish(String number) {
		assertThat(step(d.agent1(), number, "submission", null).status()).isEqualTo(200);
		assertThat(step(d.manager(), number, "approval", null).status()).isEqualTo(200);
		Response published = step(d.manager(), number, "publication", null);
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
	}

	@Test
	void anAdvisoryForVersionTwoOneOfASystemReachesExactlyItsAudience() {
		String number = write(d.agent1(), """
				{"kind":"NOTICE","severity":"WARNING","title":"X-Plan 2.1 loses drafts on sign-out",
				 "body":"Save before signing out until 2.2 ships.","systems":["xp"],"versions":["2.1"],
				 "byEmail":true,"bySms":true,"requiresAcknowledgement":true}""");
		approveAndPublish(number);

		List<Map<String, Object>> reached = api.get(d.manager(), "/api/v1/advisories/" + number + "/recipients")
			.json("$");
		assertThat(reached).filteredOn(r -> Boolean.FALSE.equals(r.get("agent"))).extracting(r -> r.get("name"))
			.as("runs 2.1 at their site; runs it (by its alias) at an organization-wide asset — no one on 2.0, 2.10, "
					+ "another system, another site or with no asset")
			.containsExactlyInAnyOrder(onTwoOne.displayName(), onTwoOneByAlias.displayName());
		assertThat(reached).filteredOn(r -> Boolean.TRUE.equals(r.get("agent"))).extracting(r -> r.get("name"))
			.containsExactlyInAnyOrder(d.manager().displayName(), d.agent1().displayName(),
					d.otherAgent1().displayName(), d.agent2().displayName(), d.agent3().displayName());

		for (Person p : List.of(onTwoOne, onTwoOneByAlias)) {
			assertThat(api.get(p, "/api/v1/me/advisories").<List<String>>json("$[*].number")).containsExactly(number);
			assertThat(outbox(number, p.email())).as("mail to " + p.displayName()).isEqualTo(1);
			assertThat(outbox(number, p.phone())).as("text to " + p.displayName()).isEqualTo(1);
		}
		for (Person p : List.of(onTwoZero, otherSystem, otherSite, noAssets, d.customer(), d.vendor())) {
			assertThat(api.get(p, "/api/v1/me/advisories").<List<String>>json("$")).as(p.displayName()).isEmpty();
			assertThat(api.get(p, "/api/v1/advisories/" + number).status()).isEqualTo(404);
			assertThat(outbox(number, p.email())).isZero();
		}
		Desk other = testDesk.create();
		assertThat(api.get(other.agent1(), "/api/v1/advisories/" + number).status()).isEqualTo(404);
		assertThat(api.get(other.agent1(), "/api/v1/me/advisories").<List<String>>json("$")).isEmpty();
	}

	long outbox(String number, String recipient) {
		return jdbc.queryForObject("select count(*) from intake_outbound where purpose = 'NOTICE' and recipient = ? "
				+ "and subject like ?", Long.class, recipient, "%[" + number + "]%");
	}

	@Test
	void onlyAManagerWhoDidNotWriteItApprovesAndOnlyAnApprovedAdvisoryIsPublished() {
		String number = write(d.manager(), """
				{"title":"Planned outage Saturday","body":"Radar feeds are down 02:00-04:00 UTC."}""");
		assertThat(step(d.manager(), number, "publication", null).status()).as("draft").isEqualTo(409);
		step(d.manager(), number, "submission", null);
		assertThat(step(d.agent1(), number, "approval", null).status()).as("agents do not approve").isEqualTo(403);
		Response own = step(d.manager(), number, "approval", null);
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body()).contains("other than its author");
		assertThat(step(d.customer(), number, "submission", null).status()).isEqualTo(403);
		assertThat(api.get(d.customer(), "/api/v1/me/advisories").<List<String>>json("$")).isEmpty();

		Response badVersions = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/advisories",
				"{\"title\":\"t\",\"body\":\"b\",\"versions\":[\"2.1\"]}");
		assertThat(badVersions.<String>json("$.errors[0].field")).isEqualTo("versions");
		Response unknown = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/advisories",
				"{\"title\":\"t\",\"body\":\"b\",\"systems\":[\"Sonar\"]}");
		assertThat(unknown.<String>json("$.errors[0].field")).isEqualTo("systems");
		Response past = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/advisories",
				"{\"title\":\"t\",\"body\":\"b\",\"expiresAt\":\"" + clock.instant().minusSeconds(60) + "\"}");
		assertThat(past.<String>json("$.errors[0].field")).isEqualTo("expiresAt");
	}

	@Test
	void recipientsAcknowledgeAndTheOthersAreRemindedUntilItExpires() {
		String number = write(d.agent1(), """
				{"title":"Re-image before Friday","body":"Units on X-Plan 2.1 must be re-imaged.","systems":["X-Plan"],
				 "versions":["2.1"],"audience":"CUSTOMERS","byEmail":true,"requiresAcknowledgement":true,
				 "remindEveryHours":24,"maxReminders":2,"expiresAt":"%s"}"""
			.formatted(clock.instant().plus(Duration.ofDays(5))));
		approveAndPublish(number);
		Response ack = step(onTwoOne, number, "acknowledgement", null);
		assertThat(ack.status()).isEqualTo(200);
		assertThat(ack.<String>json("$.acknowledgedAt")).isNotNull();
		assertThat(step(onTwoZero, number, "acknowledgement", null).status()).as("not a recipient").isEqualTo(404);

		clock.advance(Duration.ofHours(25));
		advisories.remindDue(1000);
		advisories.remindDue(1000);
		assertThat(reminders(number, onTwoOneByAlias.email())).as("one reminder per period").isEqualTo(1);
		assertThat(reminders(number, onTwoOne.email())).as("acknowledged: no reminder").isZero();
		clock.advance(Duration.ofHours(25));
		advisories.remindDue(1000);
		clock.advance(Duration.ofHours(25));
		advisories.remindDue(1000);
		assertThat(reminders(number, onTwoOneByAlias.email())).as("at most two").isEqualTo(2);

		Response tally = api.get(d.manager(), "/api/v1/advisories/" + number);
		assertThat(tally.<Integer>json("$.tally.customers")).isEqualTo(2);
		assertThat(tally.<Integer>json("$.tally.agents")).as("customers only").isZero();
		assertThat(tally.<Integer>json("$.tally.acknowledged")).isEqualTo(1);

		clock.advance(Duration.ofDays(3));
		assertThat(api.get(onTwoOneByAlias, "/api/v1/me/advisories").<List<String>>json("$")).as("expired").isEmpty();
		assertThat(api.get(d.manager(), "/api/v1/advisories/" + number).<Boolean>json("$.inForce")).isFalse();
	}

	long reminders(String number, String recipient) {
		return jdbc.queryForObject("select count(*) from intake_outbound where purpose = 'NOTICE' and recipient = ? "
				+ "and subject like ?", Long.class, recipient, "Reminder %[" + number + "]%");
	}

	@Test
	void aHeadsUpIsForAgentsOnlyAndAWithdrawnAdvisoryIsNoLongerShown() {
		Response customers = api.post(d.agent1(), "/api/v1/programs/" + d.key() + "/advisories",
				"{\"kind\":\"HEADS_UP\",\"audience\":\"EVERYONE\",\"title\":\"t\",\"body\":\"b\"}");
		assertThat(customers.<String>json("$.errors[0].field")).isEqualTo("audience");
		String number = write(d.agent2(), """
				{"kind":"HEADS_UP","title":"Known issue: Radar feed drops","body":"Workaround: restart the relay."}""");
		approveAndPublish(number);
		assertThat(api.get(d.agent1(), "/api/v1/me/advisories").<List<String>>json("$[*].number")).containsExactly(number);
		assertThat(api.get(d.customer(), "/api/v1/me/advisories").<List<String>>json("$")).isEmpty();
		assertThat(api.get(onTwoOne, "/api/v1/me/advisories").<List<String>>json("$")).isEmpty();

		assertThat(step(d.manager(), number, "withdrawal", "{}").<String>json("$.errors[0].field")).isEqualTo("reason");
		assertThat(step(d.manager(), number, "withdrawal", "{\"note\":\"fixed\"}").status()).isEqualTo(200);
		assertThat(api.get(d.agent1(), "/api/v1/me/advisories").<List<String>>json("$")).isEmpty();
		assertThat(api.get(d.manager(), "/api/v1/advisories/" + number + "/history").<List<String>>json("$[*].action"))
			.containsExactly("WRITTEN", "SUBMITTED", "APPROVED", "PUBLISHED", "WITHDRAWN");
	}
}
