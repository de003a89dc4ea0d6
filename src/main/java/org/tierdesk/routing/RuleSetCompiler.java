package org.tierdesk.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.routing.RuleBook.Actions;
import org.tierdesk.routing.RuleBook.CompiledRule;
import org.tierdesk.routing.RuleBook.Condition;
import org.tierdesk.routing.RuleBook.Field;
import org.tierdesk.system.InvalidRowsException.RowProblem;

/**
 * Checks a rule set and compiles it into a {@link RuleBook}: every unknown field, group, person, system or value is
 * reported with its rule ({@code line} is the rule's position) and path, and nothing is compiled when any is wrong.
 */
final class RuleSetCompiler {

	static final Set<String> KINDS = Set.of("INCIDENT", "SERVICE_REQUEST");

	static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "WEB", "CHAT", "SMS", "MESSAGE", "API");

	static final Set<String> PRIORITIES = Set.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "PLANNING");

	static final Set<String> SYSTEM_TYPES = Set.of("HARDWARE", "SOFTWARE", "SERVICE");

	static final java.util.regex.Pattern CUSTOM_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,49}");

	static final Set<String> ACTIONS = Set.of("ownerGroup", "assignGroup", "assignPerson", "vector", "priority",
			"category", "watchers", "swarm");

	/** A system as the directory knows it: the key rules compare and its display name. */
	record KnownSystem(String key, String name) {
	}

	/** A person as rules name them. */
	record KnownPerson(long id, String username) {
	}

	record Result(RuleBook book, List<RowProblem> problems) {
	}

	private final List<GroupInfo> groups;

	private final Function<String, Optional<KnownPerson>> people;

	private final Function<String, Optional<KnownSystem>> systems;

	private final Set<String> channels;

	private final List<RowProblem> problems = new ArrayList<>();

	RuleSetCompiler(List<GroupInfo> groups, Function<String, Optional<KnownPerson>> people,
			Function<String, Optional<KnownSystem>> systems, Set<String> channels) {
		this.groups = groups;
		this.people = people;
		this.systems = systems;
		this.channels = channels;
	}

	Result compile(RuleSet set, long version) {
		if (set == null) {
			problems.add(new RowProblem(0, "rules", "a rule set is required"));
			return new Result(null, problems);
		}
		Long fallback = null;
		if (set.fallbackGroup() == null || set.fallbackGroup().isBlank()) {
			fallback = groups.stream().filter(g -> g.tier() == 1).map(GroupInfo::id).findFirst().orElse(null);
			if (fallback == null) {
				problems.add(new RowProblem(0, "fallbackGroup", "the program has no Tier 1 group to fall back to"));
			}
		}
		else {
			fallback = group(0, "fallbackGroup", set.fallbackGroup()).filter(g -> tier1(0, "fallbackGroup", g))
				.map(GroupInfo::id).orElse(null);
		}
		List<CompiledRule> compiled = new ArrayList<>();
		List<RuleSet.Rule> rules = set.rules() == null ? List.of() : set.rules();
		Set<String> names = new HashSet<>();
		for (int i = 0; i < rules.size(); i++) {
			int line = i + 1;
			String at = "rules[" + i + "].";
			RuleSet.Rule rule = rules.get(i);
			if (rule == null) {
				problems.add(new RowProblem(line, "rules[" + i + "]", "a rule cannot be empty"));
				continue;
			}
			String name = rule.name() == null ? "" : rule.name().strip();
			if (name.isEmpty() || name.length() > 200) {
				problems.add(new RowProblem(line, at + "name", "a rule needs a name of 1-200 characters"));
			}
			else if (!names.add(name.toLowerCase(Locale.ROOT))) {
				problems.add(new RowProblem(line, at + "name", "another rule is already called " + name));
			}
			List<Condition> when = conditions(line, at + "when.", rule.when());
			List<Condition> unless = conditions(line, at + "unless.", rule.unless());
			Actions then = actions(line, at + "then.", rule.then());
			if (then != null) {
				compiled.add(new CompiledRule(name, when, unless, then));
			}
		}
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		return new Result(new RuleBook(version, fallback, compiled), List.of());
	}

	private List<Condition> conditions(int line, String at, Map<String, Object> given) {
		List<Condition> conditions = new ArrayList<>();
		if (given == null) {
			return conditions;
		}
		for (var entry : given.entrySet()) {
			String path = at + entry.getKey();
			String customName = null;
			Optional<Field> field = Field.named(entry.getKey());
			if (entry.getKey().startsWith("custom.")) {
				customName = entry.getKey().substring("custom.".length());
				if (!CUSTOM_NAME.matcher(customName).matches()) {
					problems.add(new RowProblem(line, path, "a custom field's name is a letter then up to 49 "
							+ "letters, digits, '-' or '_'"));
					continue;
				}
				field = Optional.of(Field.CUSTOM);
			}
			if (field.isEmpty() || (field.get() == Field.CUSTOM && customName == null)) {
				problems.add(new RowProblem(line, path, "no such field; conditions look at kind, channel, priority, "
						+ "category, system, systemType, organization, site, keywords or custom.<name>"));
				continue;
			}
			List<String> values = strings(line, path, entry.getValue());
			if (values.isEmpty()) {
				problems.add(new RowProblem(line, path, "give at least one value"));
				continue;
			}
			Set<String> normalised = new LinkedHashSet<>();
			for (int i = 0; i < values.size(); i++) {
				String v = values.get(i);
				String vPath = values.size() == 1 ? path : path + "[" + i + "]";
				switch (field.get()) {
					case KIND -> oneOf(line, vPath, v, KINDS).ifPresent(x -> normalised.add(Words.of(x)));
					case CHANNEL -> oneOf(line, vPath, v, channels).ifPresent(x -> normalised.add(Words.of(x)));
					case PRIORITY -> oneOf(line, vPath, v, PRIORITIES).ifPresent(x -> normalised.add(Words.of(x)));
					case SYSTEM_TYPE -> oneOf(line, vPath, v, SYSTEM_TYPES).ifPresent(x -> normalised.add(Words.of(x)));
					case SYSTEM -> {
						Optional<KnownSystem> s = systems.apply(v);
						if (s.isEmpty()) {
							problems.add(new RowProblem(line, vPath, "the directory has no system " + v));
						}
						else {
							normalised.add(s.get().key());
						}
					}
					case KEYWORDS -> {
						String words = Words.of(v);
						if (words.isBlank()) {
							problems.add(new RowProblem(line, vPath, "a keyword needs letters or digits"));
						}
						else {
							normalised.add(words);
						}
					}
					default -> normalised.add(Words.of(v));
				}
			}
			conditions.add(new Condition(field.get(), customName, Set.copyOf(normalised), List.copyOf(values)));
		}
		return conditions;
	}

	private Actions actions(int line, String at, Map<String, Object> given) {
		int before = problems.size();
		if (given == null || given.isEmpty()) {
			problems.add(new RowProblem(line, at.substring(0, at.length() - 1), "a rule needs at least one action"));
			return null;
		}
		for (String key : given.keySet()) {
			if (!ACTIONS.contains(key)) {
				problems.add(new RowProblem(line, at + key, "no such action; rules can " + String.join(", ",
						new java.util.TreeSet<>(ACTIONS))));
			}
		}
		Long ownerGroup = text(line, at + "ownerGroup", given.get("ownerGroup"))
			.flatMap(n -> group(line, at + "ownerGroup", n)).filter(g -> tier1(line, at + "ownerGroup", g))
			.map(GroupInfo::id).orElse(null);
		Optional<GroupInfo> assign = text(line, at + "assignGroup", given.get("assignGroup"))
			.flatMap(n -> group(line, at + "assignGroup", n));
		if (assign.isPresent() && assign.get().tier() == 1) {
			problems.add(new RowProblem(line, at + "assignGroup",
					assign.get().name() + " is a Tier 1 group: use ownerGroup for the Tier 1 queue"));
			assign = Optional.empty();
		}
		Long person = null;
		Optional<String> personName = text(line, at + "assignPerson", given.get("assignPerson"));
		if (personName.isPresent()) {
			Optional<KnownPerson> p = people.apply(personName.get());
			if (p.isEmpty()) {
				problems.add(new RowProblem(line, at + "assignPerson", "no user " + personName.get()));
			}
			else if (assign.isPresent()) {
				if (!assign.get().memberIds().contains(p.get().id())) {
					problems.add(new RowProblem(line, at + "assignPerson",
							personName.get() + " is not a member of " + assign.get().name()));
				}
				person = p.get().id();
			}
			else {
				long id = p.get().id();
				boolean tier1 = groups.stream().anyMatch(g -> g.tier() == 1 && g.memberIds().contains(id)
						&& (ownerGroup == null || g.id() == ownerGroup));
				if (!tier1) {
					problems.add(new RowProblem(line, at + "assignPerson", personName.get()
							+ " owns tickets only as a member of the Tier 1 queue; name assignGroup to give them work at a higher tier"));
				}
				person = id;
			}
		}
		Integer vector = null;
		Object v = given.get("vector");
		if (v != null) {
			if (Boolean.TRUE.equals(v)) {
				vector = 2;
			}
			else if (v instanceof Number n && n.intValue() >= 2 && n.intValue() <= 4 && n.doubleValue() == n.intValue()) {
				vector = n.intValue();
			}
			else {
				problems.add(new RowProblem(line, at + "vector", "vector to tier 2, 3 or 4 (true means tier 2)"));
			}
			if (assign.isPresent()) {
				problems.add(new RowProblem(line, at + "vector", "vector or assignGroup, not both"));
			}
		}
		boolean swarm = false;
		Object sw = given.get("swarm");
		if (sw != null) {
			if (sw instanceof Boolean b) {
				swarm = b;
			}
			else {
				problems.add(new RowProblem(line, at + "swarm", "swarm is true or false"));
			}
			if (swarm && (assign.isPresent() || v != null)) {
				problems.add(new RowProblem(line, at + "swarm", "swarm instead of a tiered hand-off: not with "
						+ "assignGroup or vector"));
			}
		}
		String priority = text(line, at + "priority", given.get("priority"))
			.flatMap(p -> oneOf(line, at + "priority", p, PRIORITIES)).orElse(null);
		String category = text(line, at + "category", given.get("category")).orElse(null);
		if (category != null && category.length() > 100) {
			problems.add(new RowProblem(line, at + "category", "at most 100 characters"));
		}
		Set<Long> watchers = new LinkedHashSet<>();
		if (given.containsKey("watchers")) {
			List<String> names = strings(line, at + "watchers", given.get("watchers"));
			for (int i = 0; i < names.size(); i++) {
				int index = i;
				people.apply(names.get(i)).ifPresentOrElse(p -> watchers.add(p.id()), () -> problems
					.add(new RowProblem(line, at + "watchers[" + index + "]", "no user " + names.get(index))));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new Actions(ownerGroup, assign.map(GroupInfo::id).orElse(null), assign.map(GroupInfo::tier).orElse(null),
				person, vector, priority, category, Set.copyOf(watchers), swarm);
	}

	private Optional<GroupInfo> group(int line, String path, String name) {
		String key = Words.of(name);
		Optional<GroupInfo> g = groups.stream().filter(x -> Words.of(x.name()).equals(key)).findFirst();
		if (g.isEmpty()) {
			problems.add(new RowProblem(line, path, "the program has no support group " + name));
		}
		return g;
	}

	private boolean tier1(int line, String path, GroupInfo g) {
		if (g.tier() != 1) {
			problems.add(new RowProblem(line, path, g.name() + " works at tier " + g.tier()
					+ "; the owner's queue is a Tier 1 group"));
			return false;
		}
		return true;
	}

	private Optional<String> oneOf(int line, String path, String value, Set<String> allowed) {
		String v = value.strip().toUpperCase(Locale.ROOT);
		if (!allowed.contains(v)) {
			problems.add(new RowProblem(line, path, "'" + value + "' is not one of " + new java.util.TreeSet<>(allowed)));
			return Optional.empty();
		}
		return Optional.of(v);
	}

	private Optional<String> text(int line, String path, Object value) {
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof String s) || s.isBlank()) {
			problems.add(new RowProblem(line, path, "expected a name"));
			return Optional.empty();
		}
		return Optional.of(s.strip());
	}

	private List<String> strings(int line, String path, Object value) {
		if (value instanceof String s) {
			return s.isBlank() ? List.of() : List.of(s.strip());
		}
		if (value instanceof List<?> list) {
			List<String> out = new ArrayList<>();
			for (int i = 0; i < list.size(); i++) {
				Object o = list.get(i);
				if (o instanceof String s && !s.isBlank()) {
					out.add(s.strip());
				}
				else {
					problems.add(new RowProblem(line, path + "[" + i + "]", "expected text"));
				}
			}
			return out;
		}
		problems.add(new RowProblem(line, path, "expected a value or a list of values"));
		return List.of();
	}
}
