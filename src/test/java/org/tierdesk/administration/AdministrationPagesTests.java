package org.tierdesk.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.Pages;
import org.tierdesk.support.Pages.Page;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.InvalidRowsException.RowProblem;
import org.tierdesk.workspace.FormActions.FormProblem;

/** The administration pages: who may open them, and every form checked with its refusal beside the field. */
@DeskTest
class AdministrationPagesTests {

	@Autowired
	Pages pages;

	@Autowired
	Api api;

	@Autowired
	TestDesk testDesk;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Accounts accounts;

	Desk d;

	String base;

	@BeforeEach
	void desk() {
		d = testDesk.create();
		base = "/admin/programs/" + d.key();
	}

	static FormProblem problem(Page page) {
		return (FormProblem) page.flash().get("problem");
	}

	@Test
	void onlyTheProgramsManagersAndAdministratorsAdministerIt() {
		for (String section : List.of("", "/groups", "/people", "/routing", "/service-levels", "/imports", "/channels")) {
			Page page = pages.get(d.manager(), base + section);
			assertThat(page.status()).as(section).isEqualTo(200);
			assertThat(page.html()).as(section).contains("name=\"_csrf\"");
			assertThat(pages.get(d.agent1(), base + section).status()).as(section).isEqualTo(403);
			assertThat(pages.get(d.customer(), base + section).status()).as(section).isEqualTo(403);
		}
		Desk other = testDesk.create();
		assertThat(pages.get(other.manager(), base).status()).isEqualTo(404);
		assertThat(pages.post(other.manager(), base + "/groups", "name", "Intruders", "tier", "2").status())
			.isEqualTo(404);
		assertThat(pages.get(admin(), base).status()).isEqualTo(200);
		assertThat(pages.get(d.agent1(), "/admin").status()).isEqualTo(403);
	}

	@Test
	void theTierSetUpIsChangedAndTier1CannotBeDropped() {
		Page saved = pages.post(d.manager(), base, "name", "Renamed program", "timeZone", "Europe/Lisbon",
				"autoCloseDays", "5", "uses1", "true", "tier1", "Help desk", "uses2", "true", "tier2", "Specialists",
				"uses4", "true", "tier4", "OEM");
		assertThat(saved.flash()).containsEntry("done", "program");
		assertThat(api.get(d.manager(), "/api/v1/programs/" + d.key()).<String>json("$.tiers.1")).isEqualTo("Help desk");
		assertThat(api.get(d.manager(), "/api/v1/programs/" + d.key()).<Object>json("$.tiers")).asString()
			.doesNotContain("3=");
		Page refused = pages.post(d.manager(), base, "name", "No tier one", "uses2", "true", "tier2", "Specialists");
		assertThat(problem(refused).field()).isEqualTo("tiers");
		assertThat(api.get(d.manager(), "/api/v1/programs/" + d.key()).<String>json("$.name"))
			.isEqualTo("Renamed program");
		Page badDays = pages.post(d.manager(), base, "name", "x", "uses1", "true", "tier1", "Help", "autoCloseDays",
				"soon");
		assertThat(problem(badDays).field()).isEqualTo("autoCloseDays");
	}

	@Test
	void groupsAreCreatedAndStaffJoinThemButNotCustomers() {
		Page created = pages.post(d.manager(), base + "/groups", "name", "Network team", "tier", "2");
		assertThat(created.flash()).containsEntry("done", "group");
		Long groupId = jdbc.queryForObject("select id from directory_support_group where program_id = ? and name = ?",
				Long.class, d.program().id(), "Network team");
		Page added = pages.post(d.manager(), base + "/groups/" + groupId + "/members", "accountId",
				String.valueOf(d.agent1().id()));
		assertThat(added.flash()).containsKey("done");
		Page customer = pages.post(d.manager(), base + "/groups/" + groupId + "/members", "accountId",
				String.valueOf(d.customer().id()));
		assertThat(problem(customer).field()).isEqualTo("accountId");
		assertThat(problem(customer).form()).isEqualTo("member-" + groupId);
		String page = pages.get(d.manager(), base + "/groups").html();
		assertThat(page).contains("Network team", d.agent1().displayName());
		Page noName = pages.post(d.manager(), base + "/groups", "name", " ", "tier", "2");
		assertThat(problem(noName).field()).isEqualTo("name");
		Page unusedTier = pages.post(d.manager(), base + "/groups", "name", "Tier zero", "tier", "0");
		assertThat(problem(unusedTier).field()).isEqualTo("tier");
	}

	@Test
	void aManagerAddsAgentsButOnlyAnAdministratorMakesManagers() {
		Page added = pages.post(d.manager(), base + "/people", "username", d.key().toLowerCase() + ".newagent",
				"displayName", "New Agent", "role", "AGENT", "email", "new.agent@example.org", "password",
				"a-long-enough-password");
		assertThat(added.flash()).containsEntry("done", "person");
		assertThat(accounts.findByUsername(d.key().toLowerCase() + ".newagent")).isPresent();
		Page manager = pages.post(d.manager(), base + "/people", "username", d.key().toLowerCase() + ".boss",
				"displayName", "Boss", "role", "PROGRAM_MANAGER");
		assertThat(problem(manager).message()).contains("only an administrator");
		assertThat(accounts.findByUsername(d.key().toLowerCase() + ".boss")).isEmpty();
		assertThat((Object) problem(manager)).isNotNull();
		assertThat(manager.flash().get("draft").toString()).doesNotContain("password");
		Page noName = pages.post(d.manager(), base + "/people", "username", "x" + d.key(), "role", "AGENT");
		assertThat(problem(noName).field()).isEqualTo("displayName");
	}

	@Test
	void rulesWithBadJsonOrBadRulesAreRefusedWithWhereAndWhy() {
		Page syntax = pages.post(d.manager(), base + "/routing", "rules", "{\n  \"rules\": [\n    {\"name\": }\n  ]\n}",
				"version", "0");
		assertThat(problem(syntax).field()).isEqualTo("rules");
		assertThat(problem(syntax).message()).contains("line 3");
		Page invalid = pages.post(d.manager(), base + "/routing", "rules",
				"{\"rules\":[{\"name\":\"one\",\"when\":{\"colour\":\"red\"},\"then\":{\"assignGroup\":\"Nobody\"}}]}",
				"version", "0");
		assertThat(problem(invalid).rows()).extracting(RowProblem::field).contains("rules[0].when.colour");
		assertThat(api.get(d.manager(), "/api/v1/programs/" + d.key() + "/routing/rules").<Integer>json("$.version"))
			.isZero();
		Page saved = pages.post(d.manager(), base + "/routing", "rules",
				"{\"rules\":[{\"name\":\"Radar to engineering\",\"when\":{\"keywords\":[\"radar\"]},\"then\":{\"assignGroup\":\""
						+ d.tier3().name() + "\"}}]}",
				"version", "0", "reason", "radar goes to engineering");
		assertThat(saved.flash()).containsEntry("done", "rules");
		Page explained = pages.post(d.manager(), base + "/routing/explain", "kind", "INCIDENT", "system", "Radar",
				"subject", "Radar down");
		assertThat(explained.status()).isEqualTo(200);
		assertThat(explained.html()).contains("data-testid=\"explanation\"", "Radar to engineering", d.tier3().name());
	}

	@Test
	void serviceLevelDefinitionsAreCheckedBeforeTheyAreSaved() {
		Page bad = pages.post(d.manager(), base + "/service-levels/calendar", "name", "Office", "definition",
				"{\"timeZone\":\"Mars/Olympus\",\"hours\":{\"FUNDAY\":[\"08:00-17:00\"]}}");
		assertThat(problem(bad).form()).isEqualTo("calendar");
		assertThat(problem(bad).rows()).isNotEmpty();
		Page good = pages.post(d.manager(), base + "/service-levels/policy", "name", "Standard", "definition",
				"{\"warningPercent\":50,\"targets\":{\"MEDIUM\":{\"firstResponseMinutes\":30,\"resolutionMinutes\":240}}}");
		assertThat(good.flash()).containsEntry("done", "policy");
		assertThat(pages.get(d.manager(), base + "/service-levels").html()).contains("Standard", "firstResponseMinutes");
		Page empty = pages.post(d.manager(), base + "/service-levels/ladder", "definition", "");
		assertThat(problem(empty).field()).isEqualTo("definition");
	}

	@Test
	void aContractFileWithABadRowIsRefusedRowByRowAndNothingIsImported() {
		Page refused = upload("contracts", """
				number,organization,service_level,starts_on,ends_on,covered_systems,covered_sites
				C-1,Org A,GOLD,2026-01-01,2027-01-01,,
				C-2,,GOLD,2026-13-01,2025-01-01,,
				""");
		assertThat(problem(refused).rows()).extracting(r -> r.line() + " " + r.field())
			.contains("3 organization", "3 starts_on");
		assertThat(jdbc.queryForObject("select count(*) from entitlement_contract where program_id = ?", Integer.class,
				d.program().id())).isZero();
		Page imported = upload("contracts", """
				number,organization,service_level,starts_on,ends_on,covered_systems,covered_sites
				C-1,Org A,GOLD,2026-01-01,2027-01-01,,
				""");
		assertThat(imported.flash()).containsEntry("done", "import-contracts").containsKey("imported");
		Page nothing = upload("assets", "");
		assertThat(problem(nothing)).isNotNull();
	}

	@Test
	void channelSettingsAreSavedWithoutEchoingSecrets() {
		Page saved = pages.post(d.manager(), base + "/channels", "unknownSenders", "HOLD", "language", "pt", "mailFrom",
				"desk@example.org", "autoReplyCapPerDay", "3", "smsSignatureSecret", "s3cret-value-long-enough");
		assertThat(saved.flash()).containsEntry("done", "channels");
		String page = pages.get(d.manager(), base + "/channels").html();
		assertThat(page).doesNotContain("s3cret-value-long-enough").contains("desk@example.org");
		Page badCap = pages.post(d.manager(), base + "/channels", "unknownSenders", "HOLD", "autoReplyCapPerDay",
				"many", "smsSignatureSecret", "other-secret-long-enough");
		assertThat(problem(badCap).field()).isEqualTo("autoReplyCapPerDay");
		assertThat(badCap.flash().get("draft").toString()).doesNotContain("other-secret");
		Page endpoint = pages.post(d.manager(), base + "/channels/endpoints", "channel", "SMS", "address",
				"+351 910 000 " + (100 + (int) (Math.random() * 800)));
		assertThat(endpoint.flash()).as(endpoint.flash().toString()).containsEntry("done", "endpoint");
	}

	@Test
	void theSearchIndexPageShowsTheRebuildsProgressToAdministratorsOnly() {
		assertThat(pages.get(d.manager(), "/admin/search").status()).isEqualTo(403);
		Page page = pages.get(admin(), "/admin/search");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("<progress", "id=\"index-progress\"", "data-testid=\"rebuild\"");
		Page started = pages.post(admin(), "/admin/search/rebuild");
		assertThat(started.flash()).containsEntry("done", "reindex");
		Page fragment = pages.htmx(admin(), "/admin/search/progress", "progress");
		assertThat(fragment.html()).contains("id=\"progress\"", "<progress").doesNotContain("<html");
	}

	private Page upload(String kind, String csv) {
		return pages.perform(Pages.signedIn(MockMvcRequestBuilders.multipart(base + "/imports/" + kind)
			.file(new MockMultipartFile("file", kind + ".csv", "text/csv", csv.getBytes())), d.manager())
			.with(SecurityMockMvcRequestPostProcessors.csrf()));
	}

	private org.tierdesk.identity.Accounts.Person admin() {
		return accounts.findByUsername("admin").orElseThrow();
	}
}
