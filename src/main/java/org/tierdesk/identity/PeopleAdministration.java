package org.tierdesk.identity;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tierdesk.identity.Accounts.NewAccount;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;
import org.tierdesk.system.Role;

/**
 * Who may add whom: a program's managers add its customers, agents and vendors; only an administrator creates
 * accounts outside a program or grants the ADMIN and PROGRAM_MANAGER roles. The API and the administration pages
 * both go through here.
 */
@Service
public class PeopleAdministration {

	private final Accounts accounts;

	private final Programs programs;

	PeopleAdministration(Accounts accounts, Programs programs) {
		this.accounts = accounts;
		this.programs = programs;
	}

	/** The person's account as asked for, in the named programs (by key). */
	public Person create(DeskPrincipal me, NewAccount request, Set<String> programKeys) {
		if (request.roles() == null || request.roles().isEmpty()) {
			throw new InvalidFieldException("roles", "at least one role");
		}
		Set<Long> programIds = new HashSet<>();
		for (String key : programKeys == null ? Set.<String>of() : programKeys) {
			Program program = programs.findVisible(key, me).orElseThrow(() -> new NotFoundException("no program " + key));
			if (!me.manages(program.id())) {
				throw new ForbiddenException("only the program's managers or an administrator add its people");
			}
			programIds.add(program.id());
		}
		if (!me.isAdmin()) {
			if (programIds.isEmpty()) {
				throw new ForbiddenException("only an administrator creates accounts outside a program");
			}
			if (request.roles().contains(Role.ADMIN) || request.roles().contains(Role.PROGRAM_MANAGER)) {
				throw new ForbiddenException("only an administrator grants the ADMIN or PROGRAM_MANAGER role");
			}
		}
		return accounts.create(new NewAccount(request.username(), request.displayName(), request.email(),
				request.phone(), request.organization(), request.site(), request.password(), request.roles(),
				programIds));
	}
}
