package org.tierdesk.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Programs;
import org.tierdesk.support.Api;
import org.tierdesk.support.Api.Response;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.MovableClock;
import org.tierdesk.support.TestDesk;
import org.tierdesk.system.Role;

/** A program asks for the desk's services, is answered, settles the checklist and is activated in one step. */
@DeskTest
class OnboardingTests {

	@Autowired
	Api api;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	Programs programs;

	@Autowired
	TestDesk testDesk;

	@Autowired
	MovableClock clock;

	Person admin() {
		return accounts.findByUsername(Api.ADMIN).orElseThrow();
	}

	String request(String program) {
		Response r = api.post(null, "/api/v1/onboarding/requests", """
				{"organization":"PMW 150","programName":"%s","contactName":"Lt. Dana Reyes",
				 "contactEmail":"dana.reyes@navy.example","contactPhone":"+1 555 0102","wantsTieredServices":true,
				 "message":"We need 24x7 for the radar consoles"}""".formatted(program));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json("$.reference");
	}

	@Test
	void aPublicRequestIsAnsweredWithinThreeBusinessDays() {
		Response missing = api.post(null, "/api/v1/onboarding/requests", """
				{"organization":"","programName":"X","contactEmail":"not-an-address"}""");
		assertThat(missing.status()).isEqualTo(400);
		List<String> fields = missing.json("$.errors[*].field");
		assertThat(fields).containsExactlyInAnyOrder("organization", "contactName", "contactEmail",
				"wantsTieredServices");

		String reference = request("Relational Supply");
		Response c = api.get(admin(), "/api/v1/onboarding/cases/" + reference);
		assertThat(c.status()).as(c.toString()).isEqualTo(200);
		Instant due = Instant.parse(c.json("$.answerDue"));
		LocalDate received = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		LocalDate dueDay = LocalDate.ofInstant(due, ZoneOffset.UTC);
		long businessDays = received.datesUntil(dueDay.plusDays(1)).skip(1)
			.filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY).count();
		assertThat(businessDays).as(received + " -> " + due).isEqualTo(3);
		assertThat(dueDay.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat((Boolean) c.json("$.answerOverdue")).isFalse();
		List<String> items = c.json("$.checklist[*].item");
		assertThat(items).containsExactly("AFTER_HOURS_COVERAGE", "ADDITIONAL_SOFTWARE", "REPORTING_REQUIREMENTS",
				"TRAINING", "SERVICE_LEVEL_AGREEMENT");

		assertThat(api.get(null, "/api/v1/onboarding/cases").status()).isEqualTo(401);
		assertThat(api.get(testDesk.create().manager(), "/api/v1/onboarding/cases").status()).isEqualTo(403);
	}

	@Test
	void thePublicPageShowsErrorsBesideTheFieldsAndThenTheReference() throws Exception {
		String page = mvc.perform(get("/request-services")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Request help desk services", "name=\"wantsTieredServices\"");
		String invalid = mvc.perform(post("/request-services").with(csrf()).param("organization", "PMW 150")
			.param("programName", "Fleet").param("contactName", "Dana").param("contactEmail", "dana@navy.example"))
			.andReturn().getResponse().getContentAsString();
		assertThat(invalid).contains("id=\"wantsTieredServices-error\"", "tick that the program wants")
			.contains("value=\"PMW 150\"");
		String sent = mvc.perform(post("/request-services").with(csrf()).param("organization", "PMW 150")
			.param("programName", "Fleet").param("contactName", "Dana").param("contactEmail", "dana@navy.example")
			.param("wantsTieredServices", "true")).andReturn().getResponse().getContentAsString();
		assertThat(sent).contains("Request received", "ONB-");
		assertThat(mvc.perform(post("/request-services").param("organization", "x")).andReturn().getResponse()
			.getStatus()).as("no CSRF token").isEqualTo(403);
	}

	@Test
	void theProgramRefusesTicketsUntilEveryPointIsSettledAndItIsActivatedInOneAuditedStep() {
		String reference = request("Radar Consoles");
		Person admin = admin();
		String key = "ONB" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		assertThat(api.post(admin, "/api/v1/onboarding/cases/" + reference + "/answer",
				"{\"text\":\"Welcome aboard: let us settle the details\"}").status()).isEqualTo(200);
		Response opened = api.post(admin, "/api/v1/onboarding/cases/" + reference + "/program", """
				{"key":"%s","timeZone":"America/New_York"}""".formatted(key));
		assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
		long programId = programs.byKey(key).id();
		Person customer = accounts.create(new NewAccount(key.toLowerCase() + ".customer", "Customer",
				key.toLowerCase() + "@navy.example", null, "PMW 120", null, TestDesk.PASSWORD, EnumSet.of(Role.CUSTOMER),
				Set.of(programId)));
		String ticket = """
				{"program":"%s","requesterId":%d,"kind":"INCIDENT","subject":"Console dark","description":"since 09:00"}"""
			.formatted(key, customer.id());
		Response refused = api.post(admin, "/api/v1/tickets", ticket);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("still being onboarded");

		String activation = """
				{"tiers":{"names":{"0":"Self-service","1":"Radar desk","2":"Radar engineers","4":"OEM"}},
				 "groups":[{"name":"Radar Desk","tier":1},{"name":"Radar Engineers","tier":2}],
				 "directory":{"systems":[{"name":"Radar Console","type":"HARDWARE",
				   "authorities":[{"tier":2,"group":"Radar Engineers","contact":"Chief Ortiz"}],
				   "verifiedBy":"PMW-120","verifiedAt":"%s","reviewDue":"%s"}]},
				 "reportRecipients":["pmw120-reports@navy.example"]}""";
		String today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("America/New_York")).toString();
		String nextYear = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("America/New_York")).plusYears(1).toString();
		Response early = api.post(admin, "/api/v1/onboarding/cases/" + reference + "/activation",
				activation.formatted(today, nextYear));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.body()).contains("AFTER_HOURS_COVERAGE", "SERVICE_LEVEL_AGREEMENT");

		Map<String, String> agreed = Map.of("AFTER_HOURS_COVERAGE", "Radar engineers on call 17:00-08:00",
				"ADDITIONAL_SOFTWARE", "Read access to the console logs", "REPORTING_REQUIREMENTS",
				"Monthly trouble calls and deficiency reports", "TRAINING", "Two hours on console basics",
				"SERVICE_LEVEL_AGREEMENT", "Critical answered in 15 minutes, resolved in 4 hours");
		agreed.forEach((item, note) -> assertThat(api.put(admin, "/api/v1/onboarding/cases/" + reference
				+ "/checklist/" + item, "{\"note\":\"" + note + "\"}").status()).isEqualTo(200));

		Response bad = api.post(admin, "/api/v1/onboarding/cases/" + reference + "/activation",
				activation.replace("Radar Engineers\",\"contact", "Nobody\",\"contact").formatted(today, nextYear));
		assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
		assertThat(bad.body()).contains("systems[0].authorities[0].group");
		assertThat(api.get(admin, "/api/v1/programs/" + key + "/groups").json("$[*].name").toString())
			.as("nothing was applied").isEqualTo("[]");
		assertThat(programs.byKey(key).active()).isFalse();

		Response done = api.post(admin, "/api/v1/onboarding/cases/" + reference + "/activation",
				activation.formatted(today, nextYear));
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat((List<String>) done.json("$.groupsCreated")).containsExactly("Radar Desk", "Radar Engineers");
		assertThat((Integer) done.json("$.directory.created")).isEqualTo(1);
		assertThat((String) done.json("$.onboarding.status")).isEqualTo("ACTIVATED");
		assertThat(programs.byKey(key).active()).isTrue();
		assertThat(programs.byKey(key).tierSetup().names()).containsOnlyKeys(0, 1, 2, 4);
		assertThat(api.get(admin, "/api/v1/programs/" + key + "/directory/systems/radar console").status())
			.isEqualTo(200);
		Response history = api.get(admin, "/api/v1/onboarding/cases/" + reference + "/history");
		List<String> actions = history.json("$[*].action");
		assertThat(actions).startsWith("REQUESTED", "ANSWERED", "PROGRAM_OPENED").endsWith("ACTIVATED");
		assertThat((String) history.json("$[-1].actor")).isEqualTo("admin");
		assertThat((String) history.json("$[-1].detail")).contains("pmw120-reports@navy.example", "Radar Desk");

		Response accepted = api.post(admin, "/api/v1/tickets", ticket);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
		assertThat(api.post(admin, "/api/v1/onboarding/cases/" + reference + "/activation",
				activation.formatted(today, nextYear)).status()).as("activated once").isEqualTo(409);
	}
}
