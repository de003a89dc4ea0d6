package org.tierdesk.ticket;

import java.util.Map;
import java.util.Set;

import org.tierdesk.directory.SupportGroups.GroupInfo;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;

/**
 * The person acting on tickets, with what the access rules need: their principal, the support groups they are in
 * and (for customers) their organization.
 */
record Caller(DeskPrincipal principal, Map<Long, GroupInfo> groups, String organization) {

	long id() {
		return principal.accountId();
	}

	boolean inGroup(long groupId) {
		return groups.containsKey(groupId);
	}

	boolean inTierOf(long programId, int tier) {
		return groups.values().stream().anyMatch(g -> g.programId() == programId && g.tier() == tier);
	}

	boolean staffOf(long programId) {
		return principal.staffOf(programId);
	}

	boolean manages(long programId) {
		return principal.manages(programId);
	}

	boolean isVendor() {
		return principal.has(Role.VENDOR);
	}

	boolean isCustomer() {
		return principal.has(Role.CUSTOMER);
	}

	Set<Long> groupIds() {
		return groups.keySet();
	}
}
