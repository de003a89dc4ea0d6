package org.tierdesk.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.system.DeskPrincipal;

/**
 * Checks a username and password (form login and HTTP Basic). Throttles brute force per account: after
 * {@code tierdesk.security.max-failed-logins} failures the account is locked, for a time that doubles with each
 * further failure; the count lives in the database, so it holds across instances.
 * <p>
 * A password verified once is remembered for {@code credential-cache-ttl} as an HMAC under a key that exists only
 * in this process, tied to the stored hash (a password change invalidates it), so API clients using HTTP Basic do
 * not pay for bcrypt on every request.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private static final int MAX_REMEMBERED = 10_000;

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final IdentityProperties properties;

	private final Clock clock;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate separate;

	private final String dummyHash;

	private final byte[] cacheKey = new byte[32];

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	private record Remembered(String passwordHash, byte[] digest, Instant until) {
	}

	PasswordAuthenticationProvider(AccountRepository accounts, PasswordEncoder encoder, IdentityProperties properties,
			Clock clock, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.dummyHash = encoder.encode("no such account");
		new SecureRandom().nextBytes(cacheKey);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Instant now = clock.instant();
		Account account = readOnly.execute(status -> accounts.findByUsername(username).orElse(null));
		if (account == null || account.passwordHash() == null) {
			encoder.matches(password, dummyHash); // same cost whether or not the account exists
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.enabled()) {
			throw new DisabledException("This account is disabled");
		}
		if (account.lockedAt(now)) {
			throw new LockedException("Too many failed logins; try again later");
		}
		if (!rememberedMatch(account, password, now)) {
			if (!encoder.matches(password, account.passwordHash())) {
				recordFailure(account.id(), now);
				throw new BadCredentialsException("Bad credentials");
			}
			remember(account, password, now);
			if (account.failedLogins() > 0) {
				separate.executeWithoutResult(
						status -> accounts.lockById(account.id()).ifPresent(Account::recordSuccessfulLogin));
			}
		}
		DeskPrincipal principal = account.principal();
		return UsernamePasswordAuthenticationToken.authenticated(principal, null, Authorities.of(principal));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private void recordFailure(long accountId, Instant now) {
		separate.executeWithoutResult(status -> accounts.lockById(accountId)
				.ifPresent(a -> a.recordFailedLogin(properties.maxFailedLogins(), properties.lockout(), now)));
	}

	private boolean rememberedMatch(Account account, String password, Instant now) {
		Remembered r = remembered.get(account.username());
		return r != null && r.until().isAfter(now) && r.passwordHash().equals(account.passwordHash())
				&& MessageDigest.isEqual(r.digest(), digest(password));
	}

	private void remember(Account account, String password, Instant now) {
		if (remembered.size() >= MAX_REMEMBERED) {
			remembered.clear();
		}
		remembered.put(account.username(),
				new Remembered(account.passwordHash(), digest(password), now.plus(properties.credentialCacheTtl())));
	}

	private byte[] digest(String password) {
		return org.tierdesk.system.Hmac.sha256(cacheKey, org.tierdesk.system.Hmac.utf8(password));
	}
}
