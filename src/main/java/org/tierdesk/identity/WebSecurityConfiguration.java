package org.tierdesk.identity;

import java.io.IOException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: HTTP Basic, a personal API
 * token or (when an issuer is configured) a JWT bearer token on every request, no session, so no CSRF exposure. The web is form login with a session and CSRF
 * protection. Authorization by role and program is decided in each module against the {@code DeskPrincipal}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/** Every page: scripts, styles, images and connections from this desk only; nothing inline, nothing framed. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * No observation around every security filter of every request (Spring Security wraps each of the chain's filters
	 * in one when an observation registry is present): requests are still timed as a whole
	 * ({@code http_server_requests} on {@code /actuator/prometheus}), and the per-filter timings cost the busy API more
	 * than they tell.
	 */
	@Bean
	static org.springframework.security.config.observation.SecurityObservationSettings securityFiltersUnobserved() {
		return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, PasswordAuthenticationProvider passwords,
			ObjectProvider<JwtDecoder> jwtDecoder, JwtAccounts jwtAccounts) throws Exception {
		AuthenticationEntryPoint entryPoint = WebSecurityConfiguration::unauthorized;
		JwtDecoder decoder = jwtDecoder.getIfAvailable();
		if (decoder != null) {
			// single sign-on: JWT bearer tokens from the configured issuer; our own tdp_ tokens are not JWTs
			DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
			http.oauth2ResourceServer(o -> o.authenticationEntryPoint(entryPoint)
				.bearerTokenResolver(request -> {
					String header = request.getHeader("Authorization");
					return header != null && header.startsWith("Bearer " + ApiTokens.PREFIX) ? null
							: bearer.resolve(request);
				})
				.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwtAccounts)));
		}
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationProvider(passwords)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.realmName("Tierdesk").authenticationEntryPoint(entryPoint))
			.exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(forbidden()))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/onboarding/requests").permitAll()
				// gateways' webhooks: each request carries the gateway's signature, checked by the intake module
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/intake/sms", "/api/v1/intake/telephony")
				.permitAll()
				.requestMatchers("/actuator/**").hasRole("ADMIN")
				.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, PasswordAuthenticationProvider passwords,
			ObjectProvider<ClientRegistrationRepository> identityProviders, AccountRepository accounts,
			IdentityProperties properties) throws Exception {
		if (identityProviders.getIfAvailable() != null) {
			// single sign-on: OpenID Connect login with the configured identity provider(s), beside the login form
			OidcSignIn sso = new OidcSignIn(accounts, properties);
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.userInfoEndpoint(user -> user.oidcUserService(sso.userService()))
				.successHandler(sso.successHandler())
				.failureUrl("/login?sso-error"));
		}
		http.authenticationProvider(passwords)
			.formLogin(form -> form.loginPage("/login").permitAll())
			.logout(Customizer.withDefaults())
			// a new session id at login (no fixation); pages and fragments only from this desk: no inline script or
			// style, no framing, forms post only here (ticket and mail content is hostile input)
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.authorizeHttpRequests(auth -> auth
				// the asynchronous dispatch of a request already authorized (a live-update stream) is not checked again:
				// after a sign-out it would be refused on a response that is already streaming
				.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
				.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
				.requestMatchers("/request-services").permitAll()
				// answers to resolution notices: the link's signed token stands for the requester
				.requestMatchers("/respond/**").permitAll()
				// the satisfaction survey's link: its random token stands for the requester
				.requestMatchers("/survey/**").permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
				.anyRequest().authenticated());
		return http.build();
	}

	private static void unauthorized(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException e) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Tierdesk\", Bearer");
		String detail = e instanceof org.springframework.security.authentication.LockedException
				? "Too many failed logins; this account is locked for a while."
				: "Authentication is required: HTTP Basic or a personal API token (Bearer tdp_...).";
		writeProblem(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, e) -> writeProblem(response, HttpStatus.FORBIDDEN, "Forbidden",
				"Your role does not allow this.");
	}

	private static void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
				+ ",\"detail\":\"" + detail + "\"}");
	}
}
