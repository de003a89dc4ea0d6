package org.tierdesk.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.tierdesk.directory.PersonAssignment;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.routing.RuleBook.Authority;
import org.tierdesk.routing.RuleBook.Decision;
import org.tierdesk.routing.RuleBook.Facts;
import org.tierdesk.routing.RuleSetCompiler.KnownPerson;
import org.tierdesk.routing.RuleSetCompiler.KnownSystem;

/**
 * The routing decision for one ticket over 1,000 rules and a 10,000-system directory: normalising the ticket's
 * facts, looking its system up (through a cache, as {@code Directory.route} does), trying the rules in order and
 * vectoring the match to the system's cognizant authority. Most tickets match late or fall through to the fallback,
 * so nearly every rule is tried. Run: {@code ./mvnw -Pbenchmark verify -Djmh.args="RoutingBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class RoutingBenchmark {

	static final int SYSTEMS = 10_000;

	static final int RULES = 1_000;

	static final String[] KINDS = { "INCIDENT", "SERVICE_REQUEST" };

	static final String[] CHANNELS = { "PHONE", "EMAIL", "WEB", "CHAT", "SMS", "MESSAGE", "API" };

	static final String[] PRIORITIES = { "CRITICAL", "HIGH", "MEDIUM", "LOW", "PLANNING" };

	RuleBook book;

	Cache<Long, Map<String, KnownRoute>> directory;

	RuleBook.Surroundings around;

	TicketShape[] tickets;

	int next;

	/** A system as the directory cache holds it. */
	record KnownRoute(String key, String name, String type, Map<Integer, Authority> authorities) {
	}

	/** A ticket's raw facts, as they come from the ticket module. */
	record TicketShape(String kind, String channel, String priority, String category, String system,
			String organization, String site, String subject, String description) {
	}

	@Setup
	public void setUp() {
		List<GroupInfo> groups = new ArrayList<>();
		for (int g = 0; g < 40; g++) {
			int tier = g < 4 ? 1 : 2 + g % 3;
			groups.add(new GroupInfo(g + 1, 1, "Group " + g, tier, null, null, Set.of(), PersonAssignment.NONE));
		}
		Map<String, KnownRoute> routes = new HashMap<>();
		for (int s = 0; s < SYSTEMS; s++) {
			String name = "System " + s;
			Map<Integer, Authority> authorities = Map.of(2, new Authority(5 + s % 12, 2, "Group " + (4 + s % 12)), 3,
					new Authority(17 + s % 12, 3, "Group " + (16 + s % 12)));
			KnownRoute route = new KnownRoute(Words.of(name), name, s % 3 == 0 ? "HARDWARE" : "SOFTWARE", authorities);
			routes.put(key(name), route);
			routes.put(key("alias " + s), route);
		}
		directory = Caffeine.newBuilder().maximumSize(10).build();
		directory.put(1L, Map.copyOf(routes));

		List<RuleSet.Rule> rules = new ArrayList<>();
		for (int r = 0; r < RULES; r++) {
			Map<String, Object> when = new HashMap<>();
			when.put("kind", KINDS[r % 2]);
			if (r % 2 == 0) {
				when.put("system", List.of("System " + (r * 7 % SYSTEMS), "System " + (r * 13 % SYSTEMS),
						"alias " + (r * 17 % SYSTEMS)));
			}
			if (r % 3 == 0) {
				when.put("channel", List.of(CHANNELS[r % 7], CHANNELS[(r + 2) % 7]));
			}
			if (r % 5 == 0) {
				when.put("keywords", List.of("error code " + r, "fault " + r, "outage"));
			}
			if (r % 7 == 0) {
				when.put("category", "Category " + r % 50);
			}
			Map<String, Object> then = r % 4 == 0 ? Map.of("vector", 2 + r % 2)
					: r % 4 == 1 ? Map.of("assignGroup", "Group " + (4 + r % 36), "priority", PRIORITIES[r % 5])
							: r % 4 == 2 ? Map.of("ownerGroup", "Group " + r % 4, "category", "Routed " + r)
									: Map.of("priority", PRIORITIES[r % 5]);
			rules.add(new RuleSet.Rule("Rule " + r, when, r % 11 == 0 ? Map.of("priority", "PLANNING") : null, then));
		}
		RuleSetCompiler compiler = new RuleSetCompiler(groups, username -> Optional.of(new KnownPerson(1, username)),
				name -> Optional.ofNullable(routes.get(key(name))).map(k -> new KnownSystem(k.key(), k.name())),
				Set.of(CHANNELS));
		RuleSetCompiler.Result result = compiler.compile(new RuleSet("Group 0", rules), 1);
		if (!result.problems().isEmpty()) {
			throw new IllegalStateException(result.problems().toString());
		}
		book = result.book();
		around = new RuleBook.Surroundings() {
			@Override
			public boolean officeHours() {
				return true;
			}

			@Override
			public boolean reachesOnCall(String priority) {
				return false;
			}

			@Override
			public Optional<Authority> authority(String systemKey, int tier) {
				return Optional.ofNullable(directory.getIfPresent(1L).get(key(systemKey)))
					.map(s -> s.authorities().get(tier));
			}

			@Override
			public Optional<Long> onCall(long groupId) {
				return Optional.empty();
			}
		};
		String description = "The console shows a fault after the last update; operators restarted it twice and the "
				+ "problem came back within the hour. Logs attached. Affects the whole watch section, which cannot "
				+ "post requisitions or check parts availability until it is fixed.";
		tickets = new TicketShape[1024];
		for (int i = 0; i < tickets.length; i++) {
			tickets[i] = new TicketShape(KINDS[i % 2], CHANNELS[i % 7], PRIORITIES[i % 5], "Category " + i % 60,
					i % 3 == 0 ? "alias " + (i * 31 % SYSTEMS) : "System " + (i * 37 % SYSTEMS), "USS Example",
					"Norfolk", "Fault " + i + " on the console", description);
		}
	}

	static String key(String name) {
		return org.tierdesk.routing.Words.of(name).replace(" ", "");
	}

	/** Normalises one ticket's facts and decides its routing. */
	@Benchmark
	public Decision decide() {
		TicketShape t = tickets[next++ & 1023];
		KnownRoute system = directory.getIfPresent(1L).get(key(t.system()));
		Facts facts = new Facts(Words.of(t.kind()), Words.of(t.channel()), Words.of(t.priority()),
				Words.of(t.category()), system == null ? null : system.key(),
				system == null ? t.system() : system.name(), system == null ? null : Words.of(system.type()),
				Words.of(t.organization()), Words.of(t.site()), Words.of(t.subject() + " " + t.description()),
				t.priority(), Map.of());
		return book.decide(facts, around, false);
	}
}
