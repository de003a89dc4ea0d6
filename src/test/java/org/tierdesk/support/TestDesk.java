package org.tierdesk.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.program.Programs.ProgramSettings;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;

/**
 * Builds a fresh program with people at every tier for a test, through the modules' own APIs. Each call makes a new
 * program with unique names, so tests sharing one application context never see each other's data.
 */
@Component
public class TestDesk {

	public static final String PASSWORD = "test-password-1";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Programs programs;

	private final Accounts accounts;

	private final SupportGroups groups;

	public TestDesk(Programs programs, Accounts accounts, SupportGroups groups) {
		this.programs = programs;
		this.accounts = accounts;
		this.groups = groups;
	}

	/** One program and its people. */
	public record Desk(Program program, GroupInfo tier1, GroupInfo tier2, GroupInfo tier3, GroupInfo vendorGroup,
			Person manager, Person agent1, Person otherAgent1, Person agent2, Person agent3, Person vendor,
			Person customer, Person colleague, Person stranger) {

		public String key() {
			return program.key();
		}
	}

	public Desk create() {
		return create(false);
	}

	public Desk create(boolean organizationVisibility) {
		int n = SEQUENCE.incrementAndGet();
		String key = "P" + n + "X" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
		Program program = programs.create(key, new ProgramSettings("Program " + key, "Europe/Lisbon", null,
				organizationVisibility, 5));
		long p = program.id();
		GroupInfo tier1 = groups.create(p, "Service Desk", 1, null, null);
		GroupInfo tier2 = groups.create(p, "Specialists", 2, null, null);
		GroupInfo tier3 = groups.create(p, "Engineering", 3, null, null);
		GroupInfo vendorGroup = groups.create(p, "OEM Vendor", 4, null, "C-" + n);
		String u = key.toLowerCase();
		Person manager = person(u + ".manager", Role.PROGRAM_MANAGER, p, null);
		Person agent1 = member(tier1, person(u + ".agent1", Role.AGENT, p, null));
		Person otherAgent1 = member(tier1, person(u + ".agent1b", Role.AGENT, p, null));
		Person agent2 = member(tier2, person(u + ".agent2", Role.AGENT, p, null));
		Person agent3 = member(tier3, person(u + ".agent3", Role.AGENT, p, null));
		Person vendor = member(vendorGroup, person(u + ".vendor", Role.VENDOR, p, null));
		Person customer = person(u + ".customer", Role.CUSTOMER, p, "Org " + key);
		Person colleague = person(u + ".colleague", Role.CUSTOMER, p, "Org " + key);
		Person stranger = person(u + ".stranger", Role.CUSTOMER, p, "Other org");
		return new Desk(programs.byId(p), groups.byId(tier1.id()), groups.byId(tier2.id()), groups.byId(tier3.id()),
				groups.byId(vendorGroup.id()), manager, agent1, otherAgent1, agent2, agent3, vendor, customer,
				colleague, stranger);
	}

	/** Another agent in a group of the desk's program. */
	public Person addAgent(Desk d, GroupInfo group, String suffix) {
		return member(group, person(d.key().toLowerCase() + "." + suffix, Role.AGENT, d.program().id(), null));
	}

	private Person person(String username, Role role, long programId, String organization) {
		return accounts.create(new NewAccount(username, username, username + "@example.org", "+351 210 000 000",
				organization, "Lisbon", PASSWORD, EnumSet.of(role), Set.of(programId)));
	}

	private Person member(GroupInfo group, Person person) {
		groups.addMember(group.id(), person.id());
		return person;
	}

	public static DeskPrincipal principal(Person p) {
		return p.principal();
	}
}
