package org.tierdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierdesk.directory.PersonAssignment;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.routing.RuleBook.Authority;
import org.tierdesk.routing.RuleBook.Decision;
import org.tierdesk.routing.RuleBook.Facts;
import org.tierdesk.routing.RuleSetCompiler.KnownPerson;
import org.tierdesk.routing.RuleSetCompiler.KnownSystem;
import org.tierdesk.system.InvalidRowsException.RowProblem;

import tools.jackson.databind.json.JsonMapper;

/** Rule matching and vectoring as plain code: no database, no clock. */
class RuleBookTests {

	static final List<GroupInfo> GROUPS = List.of(group(1, "Service Desk", 1), group(2, "Night Desk", 1),
			group(3, "Specialists", 2), group(4, "Engineering", 3), group(5, "OEM", 4));

	static final Map<String, KnownSystem> SYSTEMS = Map.of("rsupply", new KnownSystem("rsupply", "R-Supply"), "rsup",
			new KnownSystem("rsupply", "R-Supply"), "radar", new KnownSystem("radar", "Radar"));

	static GroupInfo group(long id, String name, int tier) {
		return new GroupInfo(id, 1, name, tier, null, null, Set.of(100 + id), PersonAssignment.NONE);
	}

	static RuleSetCompiler.Result compile(String json) {
		RuleSet set = JsonMapper.builder().build().readValue(json, RuleSet.class);
		return new RuleSetCompiler(GROUPS, u -> Optional.of(new KnownPerson(101, u)),
				name -> Optional.ofNullable(SYSTEMS.get(name.toLowerCase().replaceAll("[^a-z0-9]", ""))),
				Set.of("PHONE", "EMAIL", "WEB")).compile(set, 1);
	}

	static RuleBook book(String json) {
		RuleSetCompiler.Result r = compile(json);
		assertThat(r.problems()).isEmpty();
		return r.book();
	}

	static Facts facts(String kind, String channel, String priority, String system, String text,
			Map<String, String> custom) {
		Map<String, String> normalised = new java.util.HashMap<>();
		custom.forEach((k, v) -> normalised.put(k, Words.of(v)));
		return new Facts(Words.of(kind), Words.of(channel), Words.of(priority), Words.of(null), system, system,
				null, Words.of(null), Words.of(null), Words.of(text), priority, normalised);
	}

	/** Office hours or not; on-call reached for CRITICAL only; Specialists at tier 2 for R-Supply, person 777 on call. */
	static RuleBook.Surroundings around(boolean officeHours) {
		return new RuleBook.Surroundings() {
			@Override
			public boolean officeHours() {
				return officeHours;
			}

			@Override
			public boolean reachesOnCall(String priority) {
				return priority.equals("CRITICAL");
			}

			@Override
			public Optional<Authority> authority(String systemKey, int tier) {
				return systemKey.equals("rsupply") && tier == 2 ? Optional.of(new Authority(3, 2, "Specialists"))
						: Optional.empty();
			}

			@Override
			public Optional<Long> onCall(long groupId) {
				return groupId == 3 ? Optional.of(777L) : Optional.empty();
			}
		};
	}

	@Test
	void theFirstMatchingRuleWinsAndNothingMatchedGoesToTheFallbackQueue() {
		RuleBook book = book("""
				{"fallbackGroup":"Night Desk","rules":[
				 {"name":"email","when":{"channel":"email"},"then":{"priority":"LOW"}},
				 {"name":"incidents","when":{"kind":"INCIDENT"},"then":{"priority":"HIGH"}},
				 {"name":"also incidents","when":{"kind":"INCIDENT"},"then":{"priority":"CRITICAL"}}]}""");
		Decision d = book.decide(facts("INCIDENT", "EMAIL", "MEDIUM", null, "x", Map.of()), around(true), false);
		assertThat(d.rule()).isEqualTo("email");
		assertThat(d.priority()).isEqualTo("LOW");
		assertThat(book.decide(facts("INCIDENT", "PHONE", "MEDIUM", null, "x", Map.of()), around(true), false).rule())
			.isEqualTo("incidents");
		Decision none = book.decide(facts("SERVICE_REQUEST", "PHONE", "MEDIUM", null, "x", Map.of()), around(true),
				true);
		assertThat(none.fallback()).isTrue();
		assertThat(none.ownerGroupId()).isEqualTo(2L);
		assertThat(none.traces()).extracting(RuleBook.Trace::why).containsExactly(
				"channel is 'phone', not one of [email]", "kind is 'service request', not one of [INCIDENT]",
				"kind is 'service request', not one of [INCIDENT]");
	}

	@Test
	void keywordsMatchWholeWordsOrPhrasesWhateverTheCaseAndAccents() {
		RuleBook book = book("""
				{"rules":[{"name":"outage","when":{"keywords":["outage","não funciona"]},"then":{"priority":"HIGH"}}]}""");
		assertThat(book.decide(facts("INCIDENT", "WEB", "LOW", null, "Total OUTAGE since 9", Map.of()), around(true),
				false).rule()).isEqualTo("outage");
		assertThat(book.decide(facts("INCIDENT", "WEB", "LOW", null, "O sistema nao-funciona!", Map.of()),
				around(true), false).rule()).isEqualTo("outage");
		assertThat(book.decide(facts("INCIDENT", "WEB", "LOW", null, "outages report", Map.of()), around(true), false)
			.fallback()).as("part of a word is not the word").isTrue();
	}

	@Test
	void anUnlessConditionExcludesAndCustomFieldsCanBeMatched() {
		RuleBook book = book("""
				{"rules":[{"name":"carrier hulls","when":{"custom.hull":["CVN-78","CVN-79"]},
				  "unless":{"priority":"PLANNING"},"then":{"assignGroup":"Engineering"}}]}""");
		Decision hit = book.decide(facts("INCIDENT", "WEB", "LOW", null, "x", Map.of("hull", "cvn-78")), around(true),
				false);
		assertThat(hit.assignGroupId()).isEqualTo(4L);
		assertThat(hit.assignTier()).isEqualTo(3);
		Decision excluded = book.decide(facts("INCIDENT", "WEB", "PLANNING", null, "x", Map.of("hull", "CVN-78")),
				around(true), true);
		assertThat(excluded.fallback()).isTrue();
		assertThat(excluded.traces().get(0).why()).isEqualTo("excluded: priority matches one of [PLANNING]");
		assertThat(book.decide(facts("INCIDENT", "WEB", "LOW", null, "x", Map.of()), around(false), true).traces()
			.get(0).why()).isEqualTo("custom.hull is not given, not one of [CVN-78, CVN-79]");
	}

	@Test
	void vectoringFindsTheCognizantAuthorityAndAfterHoursTheOnCallPersonForEmergenciesOnly() {
		RuleBook book = book("""
				{"rules":[{"name":"vector","when":{"kind":"INCIDENT"},"then":{"vector":2}}]}""");
		Decision day = book.decide(facts("INCIDENT", "WEB", "CRITICAL", "rsupply", "x", Map.of()), around(true), false);
		assertThat(day.vectored()).isTrue();
		assertThat(day.assignGroupId()).isEqualTo(3L);
		assertThat(day.assigneeId()).isNull();
		assertThat(day.ownerGroupId()).as("the owner's queue stays Tier 1").isEqualTo(1L);
		Decision night = book.decide(facts("INCIDENT", "WEB", "CRITICAL", "rsupply", "x", Map.of()), around(false),
				false);
		assertThat(night.assigneeId()).isEqualTo(777L);
		assertThat(night.onCall()).isTrue();
		Decision routine = book.decide(facts("INCIDENT", "WEB", "LOW", "rsupply", "x", Map.of()), around(false), false);
		assertThat(routine.assigneeId()).isNull();
		assertThat(routine.notes()).anyMatch(n -> n.contains("waits for office hours"));
		Decision unknown = book.decide(facts("INCIDENT", "WEB", "LOW", "radar", "x", Map.of()), around(true), false);
		assertThat(unknown.vectored()).isFalse();
		assertThat(unknown.assignGroupId()).isNull();
		assertThat(unknown.notes()).singleElement().asString().contains("no cognizant authority at tier 2");
	}

	@Test
	void everyProblemOfARuleSetIsNamedWithItsRuleAndPath() {
		List<RowProblem> problems = compile("""
				{"fallbackGroup":"Specialists","rules":[
				 {"name":"a","when":{"custom.9bad":"x","system":"Nope","channel":"FAX"},"then":{"ownerGroup":"Engineering"}},
				 {"name":"a","when":{"kind":[]},"then":{"vector":7,"assignGroup":"Service Desk"}}]}""").problems();
		assertThat(problems).extracting(p -> p.line() + " " + p.field()).containsExactlyInAnyOrder(
				"0 fallbackGroup", "1 rules[0].when.custom.9bad", "1 rules[0].when.system", "1 rules[0].when.channel",
				"1 rules[0].then.ownerGroup", "2 rules[1].name", "2 rules[1].when.kind", "2 rules[1].then.assignGroup",
				"2 rules[1].then.vector");
	}
}
