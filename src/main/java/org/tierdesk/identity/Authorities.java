package org.tierdesk.identity;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.tierdesk.system.DeskPrincipal;

final class Authorities {

	private Authorities() {
	}

	static List<GrantedAuthority> of(DeskPrincipal principal) {
		return principal.roles().stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name()))
				.toList();
	}
}
