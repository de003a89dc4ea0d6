package org.tierdesk.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A program's routing rules, compiled: names resolved to ids, values normalised. Deciding is plain code over the
 * ticket's facts and what the directory says about coverage, with no database and no clock of its own, so it is fast
 * enough for every ticket and easy to test.
 */
final class RuleBook {

	/** A field a condition looks at. */
	enum Field {
		KIND("kind"), CHANNEL("channel"), PRIORITY("priority"), CATEGORY("category"), SYSTEM("system"),
		SYSTEM_TYPE("systemType"), ORGANIZATION("organization"), SITE("site"), KEYWORDS("keywords"),
		/** {@code custom.<name>}: one of the ticket's custom fields. */
		CUSTOM("custom");

		final String json;

		Field(String json) {
			this.json = json;
		}

		static Optional<Field> named(String name) {
			for (Field f : values()) {
				if (f.json.equals(name)) {
					return Optional.of(f);
				}
			}
			return Optional.empty();
		}
	}

	/** The ticket as rules see it; text fields already normalised by {@link Words} (system: its directory key). */
	record Facts(String kind, String channel, String priority, String category, String system, String systemName,
			String systemType, String organization, String site, String text, String rawPriority,
			Map<String, String> custom) {

		String value(Field f) {
			return switch (f) {
				case KIND -> kind;
				case CHANNEL -> channel;
				case PRIORITY -> priority;
				case CATEGORY -> category;
				case SYSTEM -> system;
				case SYSTEM_TYPE -> systemType;
				case ORGANIZATION -> organization;
				case SITE -> site;
				case KEYWORDS -> text;
				case CUSTOM -> null;
			};
		}
	}

	/** One condition: the field holds one of the values (keywords: contains one of the phrases). */
	record Condition(Field field, String customName, Set<String> values, List<String> shown) {

		Condition(Field field, Set<String> values, List<String> shown) {
			this(field, null, values, shown);
		}

		String name() {
			return field == Field.CUSTOM ? "custom." + customName : field.json;
		}

		boolean holds(Facts facts) {
			String value = field == Field.CUSTOM ? facts.custom().get(customName) : facts.value(field);
			if (field == Field.KEYWORDS) {
				for (String phrase : values) {
					if (value.contains(phrase)) {
						return true;
					}
				}
				return false;
			}
			return value != null && values.contains(value);
		}

		String describe(Facts facts) {
			if (field == Field.KEYWORDS) {
				return "keywords: none of " + shown + " in the subject or description";
			}
			String value = field == Field.SYSTEM ? facts.systemName()
					: field == Field.CUSTOM ? facts.custom().get(customName) : facts.value(field);
			return name() + " is " + (value == null || value.isBlank() ? "not given" : "'" + value.strip() + "'")
					+ ", not one of " + shown;
		}
	}

	/** What a rule does. Ids are resolved; null means "leave as it is". */
	record Actions(Long ownerGroupId, Long assignGroupId, Integer assignTier, Long personId, Integer vectorTier,
			String priority, String category, Set<Long> watcherIds, boolean swarm) {
	}

	record CompiledRule(String name, List<Condition> when, List<Condition> unless, Actions then) {
	}

	/** The cognizant authority a system has at a tier. */
	record Authority(long groupId, int tier, String group) {
	}

	/** What the decision needs to know beyond the ticket: office hours, the directory and the rotations. */
	interface Surroundings {

		boolean officeHours();

		/** After hours, whether work of this priority reaches the on-call person. */
		boolean reachesOnCall(String priority);

		Optional<Authority> authority(String systemKey, int tier);

		Optional<Long> onCall(long groupId);
	}

	/** Why a rule did or did not decide. */
	record Trace(int position, String rule, boolean matched, String why) {
	}

	/**
	 * The decision: the matching rule (or the fallback), the queue and owner, the work handed to a tier, and the
	 * changes; {@code notes} say what could not be done and why; {@code traces} (explain only) why earlier rules did
	 * not match.
	 */
	record Decision(int position, String rule, boolean fallback, Long ownerGroupId, Long ownerId, Long assignGroupId,
			Integer assignTier, Long assigneeId, boolean vectored, boolean onCall, String priority, String category,
			Set<Long> watcherIds, boolean swarm, List<String> notes, List<Trace> traces) {
	}

	private final long version;

	private final long fallbackGroupId;

	private final List<CompiledRule> rules;

	RuleBook(long version, long fallbackGroupId, List<CompiledRule> rules) {
		this.version = version;
		this.fallbackGroupId = fallbackGroupId;
		this.rules = List.copyOf(rules);
	}

	long version() {
		return version;
	}

	int size() {
		return rules.size();
	}

	/** First match wins; nothing matched goes to the fallback queue. */
	Decision decide(Facts facts, Surroundings around, boolean explain) {
		List<Trace> traces = explain ? new ArrayList<>() : null;
		for (int i = 0; i < rules.size(); i++) {
			CompiledRule rule = rules.get(i);
			String miss = miss(rule, facts, explain);
			if (miss == null) {
				if (explain) {
					traces.add(new Trace(i + 1, rule.name(), true, "every condition holds"));
				}
				return apply(i + 1, rule, facts, around, traces);
			}
			if (explain) {
				traces.add(new Trace(i + 1, rule.name(), false, miss));
			}
		}
		return new Decision(0, null, true, fallbackGroupId, null, null, null, null, false, false, null, null, Set.of(), false,
				List.of("no rule matched: the ticket goes to the fallback queue"),
				explain ? List.copyOf(traces) : List.of());
	}

	/** Null when the rule matches; otherwise why not (a non-null marker when not explaining). */
	private static String miss(CompiledRule rule, Facts facts, boolean explain) {
		for (Condition c : rule.when()) {
			if (!c.holds(facts)) {
				return explain ? c.describe(facts) : "";
			}
		}
		for (Condition c : rule.unless()) {
			if (c.holds(facts)) {
				return explain ? "excluded: " + c.name() + " matches one of " + c.shown() : "";
			}
		}
		return null;
	}

	private Decision apply(int position, CompiledRule rule, Facts facts, Surroundings around, List<Trace> traces) {
		Actions a = rule.then();
		List<String> notes = new ArrayList<>();
		Long ownerGroup = a.ownerGroupId() != null ? a.ownerGroupId() : fallbackGroupId;
		Long owner = null;
		Long assignGroup = a.assignGroupId();
		Integer assignTier = a.assignTier();
		Long assignee = null;
		boolean vectored = false;
		boolean onCall = false;
		if (a.personId() != null) {
			if (assignGroup != null) {
				assignee = a.personId();
			}
			else {
				owner = a.personId();
			}
		}
		String priority = a.priority() != null ? a.priority() : facts.rawPriority();
		if (a.swarm()) {
			notes.add(facts.system() == null ? "swarm: the ticket names no system the directory knows; no swarm opened"
					: "swarm: the cognizant authorities of " + facts.systemName() + " are invited");
		}
		if (a.vectorTier() != null && assignGroup == null) {
			if (facts.system() == null) {
				notes.add("vector: the ticket names no system the directory knows; it stays in the Tier 1 queue");
			}
			else {
				Optional<Authority> authority = around.authority(facts.system(), a.vectorTier());
				if (authority.isEmpty()) {
					notes.add("vector: the directory names no cognizant authority at tier " + a.vectorTier() + " for "
							+ facts.systemName() + "; it stays in the Tier 1 queue");
				}
				else {
					vectored = true;
					assignGroup = authority.get().groupId();
					assignTier = authority.get().tier();
					notes.add("vectored to " + authority.get().group() + ", the cognizant authority for "
							+ facts.systemName() + " at tier " + assignTier);
					if (!around.officeHours()) {
						if (around.reachesOnCall(priority)) {
							Optional<Long> person = around.onCall(assignGroup);
							if (person.isPresent()) {
								assignee = person.get();
								onCall = true;
								notes.add("after hours: given to the person on call");
							}
							else {
								notes.add("after hours, but " + authority.get().group() + " has nobody on call");
							}
						}
						else {
							notes.add("after hours: priority " + priority
									+ " does not reach the on-call person; the work waits for office hours");
						}
					}
				}
			}
		}
		return new Decision(position, rule.name(), false, ownerGroup, owner, assignGroup, assignTier, assignee,
				vectored, onCall, a.priority(), a.category(), a.watcherIds(), a.swarm() && facts.system() != null,
				List.copyOf(notes),
				traces == null ? List.of() : List.copyOf(traces));
	}
}
