package org.tierdesk.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tierdesk.directory.DirectoryDocument;
import org.tierdesk.directory.DirectoryLoad;
import org.tierdesk.entitlement.Entitlements;
import org.tierdesk.advisory.Advisories;
import org.tierdesk.advisory.AdvisoryForm;
import org.tierdesk.advisory.AdvisoryKind;
import org.tierdesk.deficiency.DeficiencyReports;
import org.tierdesk.deficiency.DeficiencyStatus;
import org.tierdesk.deficiency.Severity;
import org.tierdesk.routing.Routing;
import org.tierdesk.sla.ServiceLevels;
import org.tierdesk.sla.SlaForms;
import org.tierdesk.routing.RuleSet;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.program.TierSetup;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.Impact;
import org.tierdesk.ticket.Resolution;
import org.tierdesk.ticket.ResolutionCode;
import org.tierdesk.ticket.StructuredFacts;
import org.tierdesk.ticket.TicketKind;
import org.tierdesk.ticket.TicketStatus;
import org.tierdesk.ticket.Tickets;
import org.tierdesk.ticket.Tickets.Escalation;
import org.tierdesk.ticket.Tickets.EscalationType;
import org.tierdesk.ticket.Tickets.OpenTicket;
import org.tierdesk.ticket.Urgency;

import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the FLEET program: tiers 0-4, support groups per tier including an OEM vendor, agents, customers and a few
 * dozen tickets in every state, all made through the same use cases people use, so their history and events are
 * real. Runs once: a database that already has the program is left alone.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("tierdesk.demo")
class DemoDesk implements ApplicationRunner {

	static final String PROGRAM = "FLEET";

	static final String PASSWORD = "demo-password";

	private static final Logger log = LoggerFactory.getLogger(DemoDesk.class);

	private final Programs programs;

	private final Accounts accounts;

	private final SupportGroups groups;

	private final Tickets tickets;

	private final Clock clock;

	private final DirectoryLoad directory;

	private final Routing routing;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final ServiceLevels serviceLevels;

	private final Entitlements entitlements;

	private final DeficiencyReports deficiencies;

	private final Advisories advisories;

	private final org.tierdesk.satisfaction.Surveys surveys;

	private final org.tierdesk.reporting.Goals goals;

	private final org.tierdesk.reporting.ReportSchedules schedules;

	DemoDesk(Programs programs, Accounts accounts, SupportGroups groups, Tickets tickets, Clock clock,
			DirectoryLoad directory, Routing routing, JsonMapper json, JdbcClient jdbc, ServiceLevels serviceLevels,
			Entitlements entitlements, DeficiencyReports deficiencies, Advisories advisories,
			org.tierdesk.satisfaction.Surveys surveys, org.tierdesk.reporting.Goals goals,
			org.tierdesk.reporting.ReportSchedules schedules) {
		this.surveys = surveys;
		this.goals = goals;
		this.schedules = schedules;
		this.deficiencies = deficiencies;
		this.advisories = advisories;
		this.serviceLevels = serviceLevels;
		this.entitlements = entitlements;
		this.directory = directory;
		this.routing = routing;
		this.json = json;
		this.jdbc = jdbc;
		this.programs = programs;
		this.accounts = accounts;
		this.groups = groups;
		this.tickets = tickets;
		this.clock = clock;
	}

	private record Issue(TicketKind kind, Channel channel, String subject, String description, String system,
			Impact impact, Urgency urgency) {
	}

	private static final List<Issue> ISSUES = List.of(
			new Issue(TicketKind.INCIDENT, Channel.PHONE, "Supply requisition screen freezes on submit",
					"Requisitions hang at 'Submitting' and never post; started after this morning's update.",
					"R-Supply", Impact.HIGH, Urgency.HIGH),
			new Issue(TicketKind.SERVICE_REQUEST, Channel.EMAIL, "Need access to the maintenance data portal",
					"New division officer needs read access to the maintenance data portal.", "MDS Portal",
					Impact.LOW, Urgency.MEDIUM),
			new Issue(TicketKind.INCIDENT, Channel.WEB, "Navigation display reboots every few hours",
					"Bridge navigation display reboots roughly every four hours while under way.", "NAVDISP",
					Impact.HIGH, Urgency.MEDIUM),
			new Issue(TicketKind.INCIDENT, Channel.CHAT, "Cannot print work orders to the shop printer",
					"Work orders fail to print to the engineering shop printer; other printers work.", "OMMS",
					Impact.MEDIUM, Urgency.MEDIUM),
			new Issue(TicketKind.SERVICE_REQUEST, Channel.PHONE, "Which release fixes the inventory sync error?",
					"Customer asks when the corrected release for the inventory sync error ships.", "R-Supply",
					Impact.LOW, Urgency.LOW),
			new Issue(TicketKind.INCIDENT, Channel.MESSAGE, "Message traffic not reaching shore command",
					"Formal message traffic queued since 0400; shore command reports nothing received.", "NMT",
					Impact.HIGH, Urgency.HIGH),
			new Issue(TicketKind.INCIDENT, Channel.SMS, "Password reset link expired",
					"Reset link from the portal expires before the email arrives aboard ship.", "MDS Portal",
					Impact.LOW, Urgency.HIGH),
			new Issue(TicketKind.SERVICE_REQUEST, Channel.EMAIL, "Request training on the new fuel reporting module",
					"Two sailors need training on fuel reporting before next month's inspection.", "FuelRep",
					Impact.LOW, Urgency.LOW),
			new Issue(TicketKind.INCIDENT, Channel.PHONE, "Radar interface card fault light",
					"Fault light on radar interface card; BITE test reports code 0x3F.", "SPS-73",
					Impact.HIGH, Urgency.MEDIUM));

	@Override
	public void run(ApplicationArguments args) {
		if (programs.findByKey(PROGRAM).isPresent()) {
			log.info("Demo program {} already present; leaving it as it is", PROGRAM);
			return;
		}
		Program program = programs.create(PROGRAM, new ProgramSettings("Fleet Logistics Support", "America/New_York",
				new TierSetup(new TreeMap<>(Map.of(0, "Self-service portal", 1, "311 service desk", 2,
						"Program specialists", 3, "Systems engineering", 4, "OEM vendor"))),
				true, 5));
		long p = program.id();
		GroupInfo desk = groups.create(p, "311 Service Desk", 1, "desk@fleet.example", null);
		GroupInfo logistics = groups.create(p, "Logistics Specialists", 2, "logistics@fleet.example", null);
		GroupInfo network = groups.create(p, "Network Specialists", 2, "network@fleet.example", null);
		GroupInfo engineering = groups.create(p, "Systems Engineering", 3, "sse@fleet.example", null);
		GroupInfo oem = groups.create(p, "Acme Marine Systems (OEM)", 4, "support@acme-marine.example",
				"N00024-26-C-0311");

		Person manager = person("pat.manager", "Pat Manager", Role.PROGRAM_MANAGER, p, null, null);
		Person alice = member(desk, person("alice.tier1", "Alice Tier-One", Role.AGENT, p, null, null));
		Person bob = member(desk, person("bob.tier1", "Bob Tier-One", Role.AGENT, p, null, null));
		Person carol = member(logistics, person("carol.tier2", "Carol Logistics", Role.AGENT, p, null, null));
		member(network, person("dan.tier2", "Dan Network", Role.AGENT, p, null, null));
		member(engineering, person("erin.tier3", "Erin Engineer", Role.AGENT, p, null, null));
		Person victor = member(oem, person("victor.vendor", "Victor Acme", Role.VENDOR, p, null, null));
		groups.addMember(desk.id(), manager.id());
		List<Person> customers = List.of(
				person("lt.jones", "LT Dana Jones", Role.CUSTOMER, p, "USS Example (DDG-999)", "Norfolk"),
				person("cpo.smith", "CPO Lee Smith", Role.CUSTOMER, p, "USS Example (DDG-999)", "Norfolk"),
				person("ens.garcia", "ENS Maria Garcia", Role.CUSTOMER, p, "USS Sample (LHD-9)", "San Diego"),
				person("ltjg.chen", "LTJG Wei Chen", Role.CUSTOMER, p, "NAVSUP FLC Norfolk", "Norfolk"),
				person("po1.okafor", "PO1 Ada Okafor", Role.CUSTOMER, p, "USS Sample (LHD-9)", "San Diego"),
				person("cdr.silva", "CDR Ana Silva", Role.CUSTOMER, p, "SPAWAR Atlantic", "Charleston"));

		loadDirectory(manager.principal());
		setServiceLevels(manager.principal());

		List<String> made = new ArrayList<>();
		for (int i = 0; i < 36; i++) {
			Issue issue = ISSUES.get(i % ISSUES.size());
			Person requester = customers.get(i % customers.size());
			Person agent = i % 2 == 0 ? alice : bob;
			DeskPrincipal opener = issue.channel() == Channel.WEB ? requester.principal() : agent.principal();
			String number = tickets.open(opener, new OpenTicket(PROGRAM, requester.id(), issue.kind(),
					issue.channel(), issue.subject(), issue.description(),
					new StructuredFacts(null, requester.site(), null, issue.system(), "4.2"), issue.system(),
					issue.impact(), issue.urgency()), null).ticket().number();
			made.add(number);
			advance(i % 9, number, agent.principal(), requester.principal(), carol.principal(), victor.principal(), oem,
					logistics, engineering);
		}
		saveRoutingRules(p, made.size(), manager.principal());
		raiseDeficiencyAndAdvise(made, alice.principal(), carol.principal(), manager.principal(), bob.principal());
		learnAndMeasure(made, customers, alice.principal(), manager.principal());
		log.info("""

				    Demo desk {} seeded: {} tickets, support groups at tiers 1-4, and these people (password '{}'):
				    program manager pat.manager · Tier 1 alice.tier1, bob.tier1 · Tier 2 carol.tier2, dan.tier2 ·
				    Tier 3 erin.tier3 · vendor victor.vendor · customers lt.jones, cpo.smith, ens.garcia, ...
				""", PROGRAM, made.size(), PASSWORD);
	}

	/**
	 * A deficiency report raised from the frozen-requisition tickets, in progress with a workaround (the known error
	 * for R-Supply 4.2); a published advisory to the ships running R-Supply 4.2, asking them to acknowledge; a
	 * heads-up for the agents.
	 */
	private void raiseDeficiencyAndAdvise(List<String> made, DeskPrincipal alice, DeskPrincipal carol,
			DeskPrincipal manager, DeskPrincipal bob) {
		List<String> frozen = java.util.stream.IntStream.range(0, made.size()).filter(i -> i % ISSUES.size() == 0)
			.mapToObj(made::get).limit(3).toList();
		String dr = deficiencies.raise(alice, PROGRAM, new DeficiencyReports.Raise("R-Supply", "4.2", Severity.HIGH,
				"Requisition screen freezes on submit", "Requisitions with more than 50 lines hang at 'Submitting'.",
				"1. Open a requisition. 2. Add 51 lines. 3. Submit.",
				"Split the requisition into parts of at most 50 lines.", frozen)).number();
		deficiencies.move(carol, dr, null, new DeficiencyReports.Transition(DeficiencyStatus.UNDER_ANALYSIS, null, null,
				null, null, null));
		deficiencies.move(carol, dr, null, new DeficiencyReports.Transition(DeficiencyStatus.FIX_IN_PROGRESS,
				"reproduced on 4.2", null, null, null, null));
		String notice = advisories.write(alice, PROGRAM, new AdvisoryForm(AdvisoryKind.NOTICE, null, "WARNING",
				"R-Supply 4.2: split requisitions over 50 lines",
				"Until release 4.3 ships, requisitions with more than 50 lines may hang at 'Submitting' (" + dr
						+ "). Split them into parts of at most 50 lines.",
				List.of("R-Supply"), List.of("4.2"), List.of(), List.of(), true, false, true, 24, 3, null)).number();
		advisories.submit(alice, notice, null);
		advisories.approve(manager, notice, null, "checked with PMW-150");
		advisories.publish(manager, notice, null);
		String headsUp = advisories.write(bob, PROGRAM, new AdvisoryForm(AdvisoryKind.HEADS_UP, null, "INFO",
				"Known issue: R-Supply 4.2 large requisitions (" + dr + ")",
				"Offer the workaround from " + dr + " and attach the ticket to it.", List.of(), List.of(), List.of(),
				List.of(), false, false, false, null, null, null)).number();
		advisories.submit(bob, headsUp, null);
		advisories.approve(manager, headsUp, null, null);
		advisories.publish(manager, headsUp, null);
	}

	/**
	 * What the desk learns: the accepted tickets' customers answer the satisfaction survey, a lesson is recorded on a
	 * resolved ticket, the program sets its goals, and a weekly report pack is mailed to the program manager.
	 */
	private void learnAndMeasure(List<String> made, List<Person> customers, DeskPrincipal alice,
			DeskPrincipal manager) {
		int[] scores = { 5, 4, 2, 5 };
		for (int i = 0; i < made.size(); i++) {
			if (i % 9 != 7) {
				continue;
			}
			String n = made.get(i);
			DeskPrincipal requester = customers.get(i % customers.size()).principal();
			tickets.factsOfNumber(n).ifPresent(t -> surveys.offer(t.id(),
					org.tierdesk.satisfaction.Surveys.Survey.Closed.ACCEPTED));
			int score = scores[(i / 9) % scores.length];
			surveys.answerMine(requester, n, score, score >= 4 ? "Quick and clear, thank you." : "Took too long to "
					+ "hear back.");
		}
		made.stream().skip(6).findFirst().ifPresent(n -> tickets.recordLesson(alice, n, null,
				"R-Supply 4.2 freezes are the known defect: offer the resubmit-after-sync workaround at once instead of "
						+ "escalating."));
		goals.set(manager, PROGRAM, "FIRST_CONTACT_RESOLUTION", 0.7);
		goals.set(manager, PROGRAM, "SLA_ATTAINMENT", 0.95);
		goals.set(manager, PROGRAM, "SATISFACTION", 4.0);
		goals.set(manager, PROGRAM, "CHATS_ANSWERED_IN_TARGET", 0.8);
		schedules.create(manager, PROGRAM, new org.tierdesk.reporting.ReportSchedules.ScheduleForm("Weekly pack",
				List.of(), "WEEKLY", "PDF", List.of("pat.manager@fleet.example")));
	}

	/** The source of support directory: systems, cognizant authorities, office hours and on-call rotations. */
	private void loadDirectory(DeskPrincipal manager) {
		LocalDate today = LocalDate.now(clock);
		String document = """
				{"systems":[
				 {"name":"R-Supply","aliases":["Relational Supply","RSUP"],"type":"SOFTWARE",
				  "releases":[{"version":"4.3","supportedFrom":"%3$s","releasedOn":"%3$s"},
				              {"version":"4.2","supportedFrom":"%1$s","releasedOn":"%1$s"},
				              {"version":"4.1","supportedFrom":"%2$s","supportedUntil":"%3$s","releasedOn":"%2$s"},
				              {"version":"4.0","supportedFrom":"%2$s","supportedUntil":"%1$s","releasedOn":"%2$s"}],
				  "authorities":[{"tier":2,"group":"Logistics Specialists","contact":"Carol Logistics","email":"logistics@fleet.example","phone":"+1 757 555 0102","hours":"Mon-Fri 07:00-17:00 ET"},
				                 {"tier":3,"group":"Systems Engineering","contact":"Erin Engineer"},
				                 {"tier":4,"group":"Acme Marine Systems (OEM)","contact":"Acme support line","phone":"+1 800 555 0199"}],
				  "verifiedBy":"PMW-150 Logistics IPT","verifiedAt":"%4$s","reviewDue":"%5$s"},
				 {"name":"MDS Portal","aliases":["Maintenance Data System"],"type":"SERVICE",
				  "authorities":[{"tier":2,"group":"Network Specialists","contact":"Dan Network"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%4$s","reviewDue":"%5$s"},
				 {"name":"NAVDISP","aliases":["Navigation display"],"type":"HARDWARE",
				  "authorities":[{"tier":3,"group":"Systems Engineering"},{"tier":4,"group":"Acme Marine Systems (OEM)"}],
				  "verifiedBy":"PMW-120","verifiedAt":"%4$s","reviewDue":"%6$s"},
				 {"name":"OMMS","type":"SOFTWARE","authorities":[{"tier":2,"group":"Logistics Specialists"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%4$s","reviewDue":"%5$s"},
				 {"name":"NMT","aliases":["Naval message traffic"],"type":"SERVICE",
				  "authorities":[{"tier":2,"group":"Network Specialists"},{"tier":3,"group":"Systems Engineering"}],
				  "verifiedBy":"NCTAMS LANT","verifiedAt":"%4$s","reviewDue":"%5$s"},
				 {"name":"FuelRep","type":"SOFTWARE","authorities":[{"tier":2,"group":"Logistics Specialists"}],
				  "verifiedBy":"PMW-150","verifiedAt":"%4$s","reviewDue":"%5$s"},
				 {"name":"SPS-73","aliases":["Surface search radar"],"type":"HARDWARE",
				  "authorities":[{"tier":3,"group":"Systems Engineering"},{"tier":4,"group":"Acme Marine Systems (OEM)","contact":"Acme radar desk"}],
				  "verifiedBy":"PMW-120","verifiedAt":"%4$s","reviewDue":"%5$s"}],
				 "coverage":{"officeHours":{"MONDAY":["07:00-17:00"],"TUESDAY":["07:00-17:00"],"WEDNESDAY":["07:00-17:00"],
				   "THURSDAY":["07:00-17:00"],"FRIDAY":["07:00-17:00"]},
				  "holidays":["--01-01","--07-04","--11-11","--12-25"],"afterHours":"ON_CALL",
				  "emergencyPriorities":["CRITICAL","HIGH"],
				  "notes":"After hours and on federal holidays, only critical and high priority work reaches the on-call specialist."},
				 "rotations":[
				  {"name":"Logistics on call","group":"Logistics Specialists","members":["carol.tier2"],"shiftDays":7,
				   "handover":"07:00","startsOn":"%7$s"},
				  {"name":"Engineering on call","group":"Systems Engineering","members":["erin.tier3"],"shiftDays":7,
				   "handover":"07:00","startsOn":"%7$s"}]}""".formatted(today.minusYears(1), today.minusYears(2),
				today.plusMonths(3), today.minusMonths(2), today.plusMonths(10), today.minusDays(3),
				today.minusDays(today.getDayOfWeek().getValue() - 1));
		directory.importDocument(manager, PROGRAM, json.readValue(document, DirectoryDocument.class));
	}

	/** Office hours, the standard SLA per priority, OLA and vendor targets, and the customers' contracts. */
	private void setServiceLevels(DeskPrincipal manager) {
		String weekday = "[\"07:00-17:00\"]";
		serviceLevels.defineCalendar(manager, PROGRAM, "Office hours", json.readValue("""
				{"timeZone":"America/New_York","hours":{"MONDAY":%1$s,"TUESDAY":%1$s,"WEDNESDAY":%1$s,"THURSDAY":%1$s,
				 "FRIDAY":%1$s},"holidays":["--01-01","--07-04","--11-11","--12-25"]}""".formatted(weekday),
				SlaForms.CalendarForm.class));
		serviceLevels.definePolicy(manager, PROGRAM, "Standard", json.readValue("""
				{"calendar":"Office hours","warningPercent":75,"pauseOn":["WAITING_ON_CUSTOMER"],
				 "targets":{"CRITICAL":{"firstResponseMinutes":15,"nextUpdateMinutes":60,"resolutionMinutes":240},
				            "HIGH":{"firstResponseMinutes":30,"nextUpdateMinutes":120,"resolutionMinutes":480},
				            "MEDIUM":{"firstResponseMinutes":120,"resolutionMinutes":1440},
				            "LOW":{"firstResponseMinutes":240,"resolutionMinutes":2400},
				            "PLANNING":{"resolutionMinutes":4800}}}""", SlaForms.PolicyForm.class));
		serviceLevels.definePolicy(manager, PROGRAM, "Gold", json.readValue("""
				{"serviceLevel":"GOLD","warningPercent":75,"pauseOn":["WAITING_ON_CUSTOMER"],
				 "targets":{"CRITICAL":{"firstResponseMinutes":15,"resolutionMinutes":120},
				            "HIGH":{"firstResponseMinutes":15,"resolutionMinutes":240},
				            "MEDIUM":{"firstResponseMinutes":60,"resolutionMinutes":480},
				            "LOW":{"firstResponseMinutes":120,"resolutionMinutes":960}}}""", SlaForms.PolicyForm.class));
		for (String group : List.of("Logistics Specialists", "Network Specialists", "Systems Engineering")) {
			serviceLevels.defineGroupTarget(manager, PROGRAM, group,
					new SlaForms.GroupTargetForm("Office hours", 480, 75));
		}
		serviceLevels.defineGroupTarget(manager, PROGRAM, "Acme Marine Systems (OEM)",
				new SlaForms.GroupTargetForm(null, 2880, 75));
		LocalDate today = LocalDate.now(clock);
		entitlements.importCsv(manager, PROGRAM, Entitlements.Kind.CONTRACTS, new java.io.StringReader("""
				number,organization,service_level,starts_on,ends_on,covered_systems,covered_sites
				N00024-26-C-0101,USS Example (DDG-999),GOLD,%1$s,%2$s,,
				N00024-25-C-0202,USS Sample (LHD-9),SILVER,%1$s,%2$s,R-Supply|MDS Portal|OMMS|FuelRep,
				N00024-22-C-0303,NAVSUP FLC Norfolk,SILVER,%3$s,%4$s,,
				""".formatted(today.minusYears(1), today.plusYears(1), today.minusYears(4), today.minusDays(20))));
		entitlements.importCsv(manager, PROGRAM, Entitlements.Kind.ASSETS, new java.io.StringReader("""
				serial_number,system,site,organization,contract_number,warranty_ends,version
				SPS73-0042,SPS-73,Norfolk,USS Example (DDG-999),N00024-26-C-0101,,B2
				NAVDISP-7781,NAVDISP,San Diego,USS Sample (LHD-9),,%s,7.1
				RSUP-DDG999,R-Supply,Norfolk,USS Example (DDG-999),N00024-26-C-0101,,4.2
				RSUP-LHD9,R-Supply,San Diego,USS Sample (LHD-9),N00024-25-C-0202,,4.1
				RSUP-FLCN,R-Supply,Norfolk,NAVSUP FLC Norfolk,,,4.2
				""".formatted(today.plusMonths(6))));
	}

	/**
	 * The routing rules, saved once the demo tickets are routed (they were opened under the fallback queue), so the
	 * rules never race the demo's own changes; new tickets are routed by them.
	 */
	private void saveRoutingRules(long programId, int tickets, DeskPrincipal manager) {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline && jdbc.sql("select count(*) from routing_decision where program_id = ?")
			.param(programId).query(Long.class).single() < tickets) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		routing.save(manager, PROGRAM, json.readValue("""
				{"rules":[
				 {"name":"Formal messages are high priority","when":{"channel":"MESSAGE"},
				  "then":{"priority":"HIGH","watchers":["pat.manager"]}},
				 {"name":"Hardware faults to their cognizant authority","when":{"systemType":"HARDWARE","kind":"INCIDENT"},
				  "then":{"vector":3}},
				 {"name":"Supply and fuel incidents to logistics","when":{"system":["R-Supply","FuelRep","OMMS"],"kind":"INCIDENT"},
				  "then":{"vector":2}},
				 {"name":"Outages swarm the authorities","when":{"keywords":["outage","down for everyone"]},
				  "then":{"swarm":true,"priority":"CRITICAL"}}]}""", RuleSet.class), null,
				"demo: the desk's starting rules");
	}

	/** Moves a fresh ticket to one of nine typical states. */
	private void advance(int state, String n, DeskPrincipal agent, DeskPrincipal customer, DeskPrincipal tier2,
			DeskPrincipal vendor, GroupInfo oem, GroupInfo logistics, GroupInfo engineering) {
		if (state == 0) {
			return; // NEW, waiting in the Tier 1 queue
		}
		tickets.take(agent, n, null, null);
		switch (state) {
			case 1 -> tickets.addEntry(agent, n, null, EntryVisibility.PUBLIC, Channel.PHONE,
					"Thanks for calling; we are looking into it now.", false);
			case 2 -> tickets.escalate(agent, n, null, new Escalation(EscalationType.FUNCTIONAL, 2, logistics.id(),
					null, null, "Needs program specialist: data issue beyond Tier 1 scripts"));
			case 3 -> {
				tickets.escalate(agent, n, null, new Escalation(EscalationType.FUNCTIONAL, 2, logistics.id(), null,
						null, "Needs program specialist"));
				tickets.escalate(tier2, n, null, new Escalation(EscalationType.FUNCTIONAL, 3, engineering.id(), null,
						null, "Reproduced; needs engineering analysis"));
			}
			case 4 -> {
				var t = tickets.escalate(agent, n, null, new Escalation(EscalationType.FUNCTIONAL, 4, oem.id(), null,
						null, "Hardware fault: OEM warranty repair"));
				tickets.addEntry(vendor, n, null, EntryVisibility.INTERNAL, Channel.API,
						"Replacement card shipping; ETA five days.", false);
				if (t.assignment() == null) {
					throw new IllegalStateException("vendor assignment missing");
				}
			}
			case 5 -> tickets.changeStatus(agent, n, null, TicketStatus.WAITING_ON_CUSTOMER,
					"Asked the customer for the BITE log");
			case 6 -> resolve(agent, n);
			case 7 -> {
				resolve(agent, n);
				tickets.answerResolution(customer, n, null, true, "Working again, thanks");
			}
			case 8 -> {
				var t = tickets.escalate(agent, n, null, new Escalation(EscalationType.FUNCTIONAL, 2, logistics.id(),
						null, null, "Needs program specialist"));
				tickets.returnAssignment(tier2, n, t.assignment().id(), null,
						"Known defect in 4.2; fixed in 4.3 (due next month). Workaround: resubmit after sync.");
				resolve(agent, n);
				tickets.answerResolution(customer, n, null, false, "Workaround does not help aboard ship");
			}
			default -> {
			}
		}
	}

	private void resolve(DeskPrincipal agent, String n) {
		tickets.resolve(agent, n, null, new Resolution(ResolutionCode.FIX_ACTION,
				"Known defect; corrected in release 4.3. Workaround: resubmit after the nightly sync.", "4.3",
				LocalDate.now(clock).plusDays(30)));
	}

	private Person person(String username, String name, Role role, long programId, String organization,
			String site) {
		return accounts.create(new NewAccount(username, name, username + "@fleet.example", null, organization, site,
				PASSWORD, EnumSet.of(role), Set.of(programId)));
	}

	private Person member(GroupInfo group, Person person) {
		groups.addMember(group.id(), person.id());
		return person;
	}
}
