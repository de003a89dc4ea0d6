package org.tierdesk.system;

import java.io.Serializable;
import java.util.Set;

/**
 * The authenticated person behind a request, whatever the way in (form login, HTTP Basic, API token).
 *
 * @param accountId   the account's id
 * @param username    the login name
 * @param displayName the name shown to others
 * @param roles       the roles held
 * @param programIds  the programs the person acts in (an administrator acts in every program)
 */
public record DeskPrincipal(long accountId, String username, String displayName, Set<Role> roles,
		Set<Long> programIds) implements Serializable, java.security.Principal {

	public DeskPrincipal {
		roles = Set.copyOf(roles);
		programIds = Set.copyOf(programIds);
	}

	/** The login name: what Spring Security and user-addressed WebSocket messages know the person by. */
	@Override
	public String getName() {
		return username;
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isAdmin() {
		return roles.contains(Role.ADMIN);
	}

	/** Desk staff: agents, program managers and administrators (not customers, not vendors). */
	public boolean isStaff() {
		return isAdmin() || has(Role.AGENT) || has(Role.PROGRAM_MANAGER);
	}

	/** Whether this person acts in the program at all (in any role). */
	public boolean actsIn(long programId) {
		return isAdmin() || programIds.contains(programId);
	}

	/** Whether this person may manage the program: an administrator, or one of its program managers. */
	public boolean manages(long programId) {
		return isAdmin() || (has(Role.PROGRAM_MANAGER) && programIds.contains(programId));
	}

	/** Whether this person works the program's tickets as desk staff. */
	public boolean staffOf(long programId) {
		return isAdmin() || ((has(Role.AGENT) || has(Role.PROGRAM_MANAGER)) && programIds.contains(programId));
	}
}
