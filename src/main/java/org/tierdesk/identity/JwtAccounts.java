package org.tierdesk.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;
import org.tierdesk.system.DeskPrincipal;

/**
 * Single sign-on: maps a verified JWT to the desk account named by its {@code tierdesk.security.jwt-username-claim}
 * (default {@code preferred_username}, then {@code sub}). Roles and programs come from the desk's own account, never
 * from the token, so an identity provider cannot grant access the desk did not; an unknown or disabled account is
 * refused.
 */
@Component
class JwtAccounts implements Converter<Jwt, AbstractAuthenticationToken> {

	private final AccountRepository accounts;

	private final IdentityProperties properties;

	JwtAccounts(AccountRepository accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		String username = jwt.getClaimAsString(properties.jwtUsernameClaim());
		if (username == null) {
			username = jwt.getSubject();
		}
		Account account = username == null ? null : accounts.findByUsername(username).orElse(null);
		if (account == null || !account.enabled()) {
			throw new InvalidBearerTokenException("The token names no active account of this desk");
		}
		DeskPrincipal principal = account.principal();
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.of(principal));
	}
}
