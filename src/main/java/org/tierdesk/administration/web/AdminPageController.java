package org.tierdesk.administration.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.directory.Directory;
import org.tierdesk.directory.OnCall;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.entitlement.Entitlements;
import org.tierdesk.escalation.Escalations;
import org.tierdesk.escalation.Ladder;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.identity.PeopleAdministration;
import org.tierdesk.intake.Channels;
import org.tierdesk.intake.UnknownSenders;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.program.TierSetup;
import org.tierdesk.routing.Routing;
import org.tierdesk.routing.RuleSet;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.sla.SlaForms;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.workspace.FormActions;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The administration pages. Every change goes through the owning module's service, which checks it; the program is
 * resolved for its managers first (another program is not found, an agent is refused).
 */
@DeskPage
@Controller
class AdminPageController {

	private static final String MANAGERS = "only the program's managers or an administrator administer it";

	private final Programs programs;

	private final SupportGroups groups;

	private final Accounts accounts;

	private final PeopleAdministration people;

	private final Routing routing;

	private final ServiceLevels serviceLevels;

	private final Escalations escalations;

	private final OnCall onCall;

	private final Directory directory;

	private final Entitlements entitlements;

	private final Channels channels;

	private final FormActions actions;

	private final JsonMapper json;

	private final org.tierdesk.knowledge.SearchIndex searchIndex;

	AdminPageController(Programs programs, SupportGroups groups, Accounts accounts, PeopleAdministration people,
			Routing routing, ServiceLevels serviceLevels, Escalations escalations, OnCall onCall, Directory directory,
			Entitlements entitlements, Channels channels, FormActions actions, JsonMapper json,
			org.tierdesk.knowledge.SearchIndex searchIndex) {
		this.searchIndex = searchIndex;
		this.programs = programs;
		this.groups = groups;
		this.accounts = accounts;
		this.people = people;
		this.routing = routing;
		this.serviceLevels = serviceLevels;
		this.escalations = escalations;
		this.onCall = onCall;
		this.directory = directory;
		this.entitlements = entitlements;
		this.channels = channels;
		this.actions = actions;
		this.json = json;
	}

	// -- programs ---------------------------------------------------------------------------------------------------

	@GetMapping("/admin")
	String programsPage(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		List<Program> managed = (me.isAdmin() ? programs.all() : programs.byIds(me.programIds())).stream()
			.filter(p -> me.manages(p.id())).sorted(java.util.Comparator.comparing(Program::key)).toList();
		if (managed.isEmpty() && !me.isAdmin()) {
			throw new ForbiddenException(MANAGERS);
		}
		model.addAttribute("me", me);
		model.addAttribute("programs", managed);
		model.addAttribute("defaultTiers", TierSetup.allTiers().names());
		return "admin/programs";
	}

	@PostMapping("/admin/programs")
	String createProgram(@AuthenticationPrincipal DeskPrincipal me, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		String key = form.getOrDefault("key", "").strip().toUpperCase(Locale.ROOT);
		return actions.run(redirect, "program", form, () -> {
			if (!me.isAdmin()) {
				throw new ForbiddenException("only an administrator sets up programs");
			}
			if (key.isEmpty()) {
				throw new InvalidFieldException("key", "a program needs a key");
			}
			programs.create(key, settings(form));
		}, "redirect:/admin/programs/" + key, "redirect:/admin");
	}

	@GetMapping("/admin/programs/{key}")
	String programPage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, Model model) {
		Program p = managed(me, key);
		section(me, p, "settings", model);
		return "admin/program";
	}

	@PostMapping("/admin/programs/{key}")
	String updateProgram(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "program", form, () -> programs.update(p.key(), settings(form)), back(p, ""));
	}

	/** The program form: name, time zone, organization visibility, auto-close days, and a name per tier used. */
	private static ProgramSettings settings(Map<String, String> form) {
		TreeMap<Integer, String> tiers = new TreeMap<>();
		for (int tier = 0; tier <= 4; tier++) {
			if ("on".equals(form.get("uses" + tier)) || "true".equals(form.get("uses" + tier))) {
				tiers.put(tier, form.getOrDefault("tier" + tier, ""));
			}
		}
		Integer autoClose = null;
		String days = form.getOrDefault("autoCloseDays", "").strip();
		if (!days.isEmpty()) {
			try {
				autoClose = Integer.valueOf(days);
			}
			catch (NumberFormatException e) {
				throw new InvalidFieldException("autoCloseDays", "a whole number of days");
			}
		}
		return new ProgramSettings(blank(form.get("name")), blank(form.get("timeZone")), new TierSetup(tiers),
				"on".equals(form.get("organizationVisibility")) || "true".equals(form.get("organizationVisibility")),
				autoClose);
	}

	// -- groups and members -----------------------------------------------------------------------------------------

	@GetMapping("/admin/programs/{key}/groups")
	String groupsPage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, Model model) {
		Program p = managed(me, key);
		section(me, p, "groups", model);
		List<GroupInfo> all = groups.inProgram(p.id()).stream()
			.sorted(java.util.Comparator.comparing(GroupInfo::tier).thenComparing(GroupInfo::name)).toList();
		Set<Long> memberIds = new java.util.HashSet<>();
		all.forEach(g -> memberIds.addAll(g.memberIds()));
		model.addAttribute("groups", all);
		model.addAttribute("names", accounts.byIds(memberIds));
		List<Person> staff = new ArrayList<>();
		staff.addAll(accounts.inProgram(p.id(), Role.AGENT));
		staff.addAll(accounts.inProgram(p.id(), Role.PROGRAM_MANAGER));
		staff.addAll(accounts.inProgram(p.id(), Role.VENDOR));
		model.addAttribute("staff", staff.stream().distinct()
			.sorted(java.util.Comparator.comparing(Person::displayName)).toList());
		return "admin/groups";
	}

	@PostMapping("/admin/programs/{key}/groups")
	String createGroup(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "group", form, () -> {
			String name = required("name", form.get("name"));
			int tier = number("tier", form.get("tier"));
			if (tier < 1 || tier > 4 || !p.tierSetup().uses(tier)) {
				throw new InvalidFieldException("tier", "one of the program's tiers 1-4: " + p.tierSetup().names().keySet());
			}
			groups.create(p.id(), name, tier, blank(form.get("email")), blank(form.get("contractReference")));
		}, back(p, "/groups"));
	}

	@PostMapping("/admin/programs/{key}/groups/{id}/members")
	String addMember(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) Long accountId, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "member-" + id, Map.of(), () -> {
			GroupInfo g = groupOf(p, id);
			if (accountId == null) {
				throw new InvalidFieldException("accountId", "choose the person to add");
			}
			Person person = accounts.findById(accountId).filter(x -> x.programIds().contains(p.id()))
				.orElseThrow(() -> new InvalidFieldException("accountId", "not a person of " + p.key()));
			if (person.roles().contains(Role.CUSTOMER) && person.roles().size() == 1) {
				throw new InvalidFieldException("accountId", "customers are not members of support groups");
			}
			groups.addMember(g.id(), person.id());
		}, back(p, "/groups"));
	}

	@PostMapping("/admin/programs/{key}/groups/{id}/members/{accountId}/remove")
	String removeMember(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, @PathVariable long id,
			@PathVariable long accountId, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "member-" + id, Map.of(), () -> groups.removeMember(groupOf(p, id).id(), accountId),
				back(p, "/groups"));
	}

	private GroupInfo groupOf(Program p, long id) {
		return groups.findById(id).filter(g -> g.programId() == p.id())
			.orElseThrow(() -> new org.tierdesk.system.NotFoundException("no group " + id + " in " + p.key()));
	}

	// -- people ------------------------------------------------------------------------------------------------------

	static final List<Role> PROGRAM_ROLES = List.of(Role.CUSTOMER, Role.AGENT, Role.VENDOR, Role.PROGRAM_MANAGER);

	@GetMapping("/admin/programs/{key}/people")
	String peoplePage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam(required = false) Role role, Model model) {
		Program p = managed(me, key);
		section(me, p, "people", model);
		Role shown = role == null ? Role.AGENT : role;
		model.addAttribute("role", shown);
		model.addAttribute("roles", me.isAdmin() ? PROGRAM_ROLES : PROGRAM_ROLES.subList(0, 3));
		model.addAttribute("allRoles", PROGRAM_ROLES);
		model.addAttribute("people", accounts.inProgram(p.id(), shown).stream()
			.sorted(java.util.Comparator.comparing(Person::displayName)).limit(500).toList());
		return "admin/people";
	}

	@PostMapping("/admin/programs/{key}/people")
	String createPerson(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Program p = managed(me, key);
		Map<String, String> typed = new LinkedHashMap<>(form);
		typed.remove("password");
		typed.remove("_csrf");
		return actions.run(redirect, "person", typed, () -> {
			Role role;
			try {
				role = Role.valueOf(form.getOrDefault("role", ""));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidFieldException("role", "choose a role");
			}
			people.create(me, new NewAccount(required("username", form.get("username")),
					required("displayName", form.get("displayName")), blank(form.get("email")), blank(form.get("phone")),
					blank(form.get("organization")), blank(form.get("site")), blank(form.get("password")),
					EnumSet.of(role), Set.of()), Set.of(p.key()));
		}, back(p, "/people?role=" + form.getOrDefault("role", "AGENT")));
	}

	// -- routing -----------------------------------------------------------------------------------------------------

	@GetMapping("/admin/programs/{key}/routing")
	String routingPage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, Model model) {
		Program p = managed(me, key);
		section(me, p, "routing", model);
		Routing.RuleSetInfo current = routing.current(me, p.key());
		model.addAttribute("current", current);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("rulesJson", current.rules() == null ? "{\n  \"fallbackGroup\": null,\n  \"rules\": []\n}"
					: pretty(current.rules()));
		}
		model.addAttribute("versions", routing.versions(me, p.key()).stream().limit(10).toList());
		return "admin/routing";
	}

	@PostMapping("/admin/programs/{key}/routing")
	String saveRules(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam(defaultValue = "") String rules, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "rules", Map.of("rules", rules, "reason", reason == null ? "" : reason),
				() -> routing.save(me, p.key(), parse("rules", rules, RuleSet.class), version, blank(reason)),
				back(p, "/routing"));
	}

	/** The "explain" tester: which rule would route an existing ticket, or a described one, and why. */
	@PostMapping("/admin/programs/{key}/routing/explain")
	String explain(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		Program p = managed(me, key);
		try {
			String ticket = blank(form.get("ticket"));
			Routing.HypotheticalTicket hypothetical = ticket != null ? null
					: new Routing.HypotheticalTicket(blank(form.get("kind")), blank(form.get("channel")),
							blank(form.get("priority")), blank(form.get("category")), blank(form.get("system")),
							blank(form.get("organization")), blank(form.get("site")), blank(form.get("subject")),
							blank(form.get("description")), null);
			model.addAttribute("explanation", routing.explain(me, p.key(),
					new Routing.ExplainRequest(ticket, hypothetical, null, null)));
		}
		catch (InvalidFieldException | org.tierdesk.system.NotFoundException e) {
			model.addAttribute("problem", new FormActions.FormProblem("explain",
					e instanceof InvalidFieldException f ? f.field() : "ticket", e.getMessage(), false));
		}
		model.addAttribute("asked", form);
		return routingPage(me, key, model);
	}

	// -- service levels, escalation ladder, office hours ----------------------------------------------------------------

	@GetMapping("/admin/programs/{key}/service-levels")
	String serviceLevelsPage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, Model model) {
		Program p = managed(me, key);
		section(me, p, "service-levels", model);
		Map<String, String> calendars = new LinkedHashMap<>();
		serviceLevels.calendars(me, p.key()).forEach(d -> calendars.put(d.name(), pretty(d.definition())));
		Map<String, String> policies = new LinkedHashMap<>();
		serviceLevels.policies(me, p.key()).forEach(d -> policies.put(d.name(), pretty(d.definition())));
		Map<String, String> groupTargets = new LinkedHashMap<>();
		serviceLevels.groupTargets(me, p.key()).forEach(d -> groupTargets.put(d.name(), pretty(d.definition())));
		model.addAttribute("calendars", calendars);
		model.addAttribute("policies", policies);
		model.addAttribute("groupTargets", groupTargets);
		model.addAttribute("ladder", pretty(escalations.ladder(me, p.key()).ladder()));
		OnCall.CoverageInfo coverage = onCall.coverage(me, p.key());
		Map<String, Object> coverageForm = new LinkedHashMap<>();
		Map<String, List<String>> hours = new LinkedHashMap<>();
		coverage.officeHours().forEach((day, spans) -> hours.put(day.name(), spans));
		coverageForm.put("officeHours", hours);
		coverageForm.put("holidays", coverage.holidays());
		coverageForm.put("afterHours", coverage.afterHours());
		coverageForm.put("emergencyPriorities", coverage.emergencyPriorities());
		coverageForm.put("notes", coverage.notes());
		model.addAttribute("coverage", pretty(coverageForm));
		model.addAttribute("groupNames", groups.inProgram(p.id()).stream().map(GroupInfo::name).sorted().toList());
		return "admin/service-levels";
	}

	/** Defines (or replaces) one named definition: a calendar, a policy, a group target; or the ladder, the hours. */
	@PostMapping("/admin/programs/{key}/service-levels/{kind}")
	String defineServiceLevel(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@PathVariable String kind, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String definition, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, kind, Map.of("name", name, "definition", definition), () -> {
			switch (kind) {
				case "calendar" -> serviceLevels.defineCalendar(me, p.key(), required("name", name),
						parse("definition", definition, SlaForms.CalendarForm.class));
				case "policy" -> serviceLevels.definePolicy(me, p.key(), required("name", name),
						parse("definition", definition, SlaForms.PolicyForm.class));
				case "group-target" -> serviceLevels.defineGroupTarget(me, p.key(), required("name", name),
						parse("definition", definition, SlaForms.GroupTargetForm.class));
				case "ladder" -> escalations.defineLadder(me, p.key(), parse("definition", definition, Ladder.class));
				case "coverage" -> onCall.defineCoverage(me, p.key(),
						parse("definition", definition, OnCall.CoverageForm.class));
				default -> throw new org.tierdesk.system.NotFoundException("no such definition: " + kind);
			}
		}, back(p, "/service-levels"));
	}

	// -- imports -----------------------------------------------------------------------------------------------------

	static final List<String> IMPORTS = List.of("directory", "contracts", "assets", "licences");

	@GetMapping("/admin/programs/{key}/imports")
	String importsPage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, Model model) {
		Program p = managed(me, key);
		section(me, p, "imports", model);
		model.addAttribute("imports", IMPORTS);
		model.addAttribute("columns", Map.of("directory", "system, aliases, type, releases, verified_by, verified_at, review_due, tier, group, contact, email, phone, hours",
				"contracts", String.join(", ", Entitlements.Kind.CONTRACTS.columns()),
				"assets", String.join(", ", Entitlements.Kind.ASSETS.columns()),
				"licences", String.join(", ", Entitlements.Kind.LICENCES.columns())));
		return "admin/imports";
	}

	/** A CSV file imported all or nothing; a refused file comes back with every bad row named. */
	@PostMapping("/admin/programs/{key}/imports/{kind}")
	String importFile(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, @PathVariable String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "import-" + kind, Map.of(), () -> {
			if (file == null || file.isEmpty()) {
				throw new InvalidFieldException("file", "choose a CSV file");
			}
			try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
				Object summary = switch (kind) {
					case "directory" -> directory.importCsv(me, p.key(), csv);
					case "contracts" -> entitlements.importCsv(me, p.key(), Entitlements.Kind.CONTRACTS, csv);
					case "assets" -> entitlements.importCsv(me, p.key(), Entitlements.Kind.ASSETS, csv);
					case "licences" -> entitlements.importCsv(me, p.key(), Entitlements.Kind.LICENCES, csv);
					default -> throw new org.tierdesk.system.NotFoundException("no such import: " + kind);
				};
				redirect.addFlashAttribute("imported", summary.toString());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}, back(p, "/imports"));
	}

	// -- channels ----------------------------------------------------------------------------------------------------

	@GetMapping("/admin/programs/{key}/channels")
	String channelsPage(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, Model model) {
		Program p = managed(me, key);
		section(me, p, "channels", model);
		model.addAttribute("settings", channels.settings(me, p.key()));
		model.addAttribute("endpoints", channels.endpoints(me, p.key()));
		model.addAttribute("mailboxes", channels.mailboxes(me, p.key()));
		model.addAttribute("unknownSenders", UnknownSenders.values());
		model.addAttribute("channelKinds", List.of(Channel.EMAIL, Channel.SMS, Channel.PHONE, Channel.MESSAGE));
		return "admin/channels";
	}

	@PostMapping("/admin/programs/{key}/channels")
	String saveChannelSettings(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Program p = managed(me, key);
		Map<String, String> typed = new LinkedHashMap<>(form);
		typed.remove("smsSignatureSecret");
		typed.remove("telephonySecret");
		return actions.run(redirect, "channels", typed, () -> {
			UnknownSenders unknown;
			try {
				unknown = UnknownSenders.valueOf(form.getOrDefault("unknownSenders", ""));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidFieldException("unknownSenders", "choose what to do with unknown senders");
			}
			String cap = form.getOrDefault("autoReplyCapPerDay", "").strip();
			channels.changeSettings(me, p.key(), new Channels.SettingsForm(unknown, blank(form.get("language")),
					blank(form.get("mailFrom")), cap.isEmpty() ? null : number("autoReplyCapPerDay", cap),
					blank(form.get("smsSignatureSecret")), blank(form.get("telephonySecret"))));
		}, back(p, "/channels"));
	}

	@PostMapping("/admin/programs/{key}/channels/endpoints")
	String addEndpoint(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam(required = false) Channel channel, @RequestParam(defaultValue = "") String address,
			RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "endpoint", Map.of("address", address), () -> {
			if (channel == null) {
				throw new InvalidFieldException("channel", "choose the channel");
			}
			channels.addEndpoint(me, p.key(), channel, required("address", address));
		}, back(p, "/channels"));
	}

	@PostMapping("/admin/programs/{key}/channels/endpoints/{id}/remove")
	String removeEndpoint(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		Program p = managed(me, key);
		return actions.run(redirect, "endpoint", Map.of(), () -> channels.removeEndpoint(me, p.key(), id),
				back(p, "/channels"));
	}

	@PostMapping("/admin/programs/{key}/channels/mailboxes")
	String saveMailbox(@AuthenticationPrincipal DeskPrincipal me, @PathVariable String key,
			@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Program p = managed(me, key);
		Map<String, String> typed = new LinkedHashMap<>(form);
		typed.remove("password");
		return actions.run(redirect, "mailbox", typed, () -> {
			String port = form.getOrDefault("port", "").strip();
			channels.saveMailbox(me, p.key(), new Channels.MailboxForm(required("name", form.get("name")),
					blank(form.get("host")), port.isEmpty() ? null : number("port", port), "on".equals(form.get("secure")),
					blank(form.get("username")), blank(form.get("password")), blank(form.get("folder")),
					blank(form.get("processedFolder")), !"off".equals(form.getOrDefault("enabled", "on"))));
		}, back(p, "/channels"));
	}

	// -- the search index ---------------------------------------------------------------------------------------------

	@GetMapping("/admin/search")
	String searchPage(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("progress", searchIndex.progress(me));
		return "admin/search";
	}

	@GetMapping("/admin/search/progress")
	String searchProgress(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		model.addAttribute("progress", searchIndex.progress(me));
		return "admin/search :: progress";
	}

	@PostMapping("/admin/search/rebuild")
	String rebuildSearch(@AuthenticationPrincipal DeskPrincipal me, RedirectAttributes redirect) {
		return actions.run(redirect, "reindex", Map.of(), () -> searchIndex.rebuild(me), "redirect:/admin/search");
	}

	// -- shared ------------------------------------------------------------------------------------------------------

	private Program managed(DeskPrincipal me, String key) {
		return programs.forManagers(me, key, MANAGERS);
	}

	private void section(DeskPrincipal me, Program p, String active, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("program", p);
		model.addAttribute("section", active);
	}

	private static String back(Program p, String rest) {
		return "redirect:/admin/programs/" + p.key() + rest;
	}

	/** A JSON document typed into a form; a syntax error names the line and column. */
	private <T> T parse(String field, String text, Class<T> type) {
		if (text == null || text.isBlank()) {
			throw new InvalidFieldException(field, "the definition is empty");
		}
		try {
			return json.readValue(text, type);
		}
		catch (JacksonException e) {
			var at = e.getLocation();
			String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
			String why = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
			throw new InvalidFieldException(field, "not valid JSON" + where + ": " + why);
		}
	}

	private String pretty(Object value) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, "required");
		}
		return value.strip();
	}

	private static int number(String field, String value) {
		try {
			return Integer.parseInt(value == null ? "" : value.strip());
		}
		catch (NumberFormatException e) {
			throw new InvalidFieldException(field, "a whole number");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
