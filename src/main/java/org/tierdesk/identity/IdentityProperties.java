package org.tierdesk.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins    failed logins before an account is locked
 * @param lockout            the first lock's length; it doubles with every further failure
 * @param credentialCacheTtl how long a verified password is remembered, as a keyed digest, for HTTP Basic clients
 * @param adminPassword      the first administrator's password ({@code TIERDESK_ADMIN_PASSWORD}); generated if empty
 * @param jwtUsernameClaim   the JWT claim naming the desk account, for single sign-on
 */
@ConfigurationProperties("tierdesk.security")
record IdentityProperties(Integer maxFailedLogins, Duration lockout, Duration credentialCacheTtl,
		String adminPassword, String jwtUsernameClaim) {

	IdentityProperties {
		maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
		lockout = lockout == null ? Duration.ofMinutes(1) : lockout;
		credentialCacheTtl = credentialCacheTtl == null ? Duration.ofMinutes(5) : credentialCacheTtl;
		jwtUsernameClaim = jwtUsernameClaim == null ? "preferred_username" : jwtUsernameClaim;
	}
}
