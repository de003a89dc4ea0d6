package org.tierdesk.identity;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.tierdesk.system.DeskPrincipal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Single sign-on for the web pages: after the identity provider has authenticated someone (OpenID Connect
 * authorization-code flow), the desk account named by the ID token's {@code tierdesk.security.jwt-username-claim}
 * (default {@code preferred_username}, else {@code sub}) is signed in, exactly as with the login form. Roles and
 * programs come from the desk's account, never from the provider; an unknown or disabled account is refused.
 */
class OidcSignIn {

	private final AccountRepository accounts;

	private final IdentityProperties properties;

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	OidcSignIn(AccountRepository accounts, IdentityProperties properties) {
		this.accounts = accounts;
		this.properties = properties;
	}

	/** Loads the provider's user and refuses anyone without an active desk account. */
	OAuth2UserService<OidcUserRequest, OidcUser> userService() {
		OidcUserService provider = new OidcUserService();
		return request -> {
			OidcUser user = provider.loadUser(request);
			account(user);
			return user;
		};
	}

	/** Replaces the provider's authentication by the desk account's, in the security context and the session. */
	AuthenticationSuccessHandler successHandler() {
		SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
		return new AuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
					Authentication authentication) throws IOException, ServletException {
				DeskPrincipal principal = account((OidcUser) authentication.getPrincipal()).principal();
				Authentication desk = UsernamePasswordAuthenticationToken.authenticated(principal, null,
						Authorities.of(principal));
				SecurityContext context = holder.createEmptyContext();
				context.setAuthentication(desk);
				holder.setContext(context);
				sessions.saveContext(context, request, response);
				redirect.onAuthenticationSuccess(request, response, desk);
			}
		};
	}

	private Account account(OidcUser user) {
		String username = user.getClaimAsString(properties.jwtUsernameClaim());
		if (username == null) {
			username = user.getSubject();
		}
		return accounts.findByUsername(username).filter(Account::enabled)
			.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error("unknown_account",
					"The identity provider names no active account of this desk", null)));
	}
}
