package org.tierdesk.ticket;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.tierdesk.directory.SupportGroups;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;

/** Builds the {@link Caller} for a principal: group memberships for staff and vendors, organization for customers. */
@Component
class Callers {

	private final SupportGroups groups;

	private final Accounts accounts;

	Callers(SupportGroups groups, Accounts accounts) {
		this.groups = groups;
		this.accounts = accounts;
	}

	Caller of(DeskPrincipal principal) {
		boolean member = principal.has(Role.AGENT) || principal.has(Role.VENDOR)
				|| principal.has(Role.PROGRAM_MANAGER);
		var groupInfos = member ? groups.groupsOf(principal.accountId()) : Map.<Long, SupportGroups.GroupInfo>of();
		String organization = principal.has(Role.CUSTOMER)
				? accounts.findById(principal.accountId()).map(Person::organization).orElse(null) : null;
		return new Caller(principal, groupInfos, organization);
	}
}
