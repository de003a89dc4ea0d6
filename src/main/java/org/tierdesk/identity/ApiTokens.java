package org.tierdesk.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tierdesk.system.Sha256;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.NotFoundException;

/**
 * Personal API tokens: {@code tdp_} followed by 256 random bits. Tokens carry enough entropy that a plain SHA-256
 * is a safe verifier, so checking one costs a digest and an indexed lookup, never a password hash.
 */
@Service
@Transactional(readOnly = true)
public class ApiTokens {

	public static final String PREFIX = "tdp_";

	private final ApiTokenRepository tokens;

	private final AccountRepository accounts;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, KnownToken> recent;

	private final TransactionTemplate lookUp;

	ApiTokens(ApiTokenRepository tokens, AccountRepository accounts, Clock clock, PlatformTransactionManager transactions,
			@Value("${tierdesk.security.token-cache-ttl:10s}") Duration cacheTtl) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
		this.recent = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(cacheTtl).build();
		this.lookUp = new TransactionTemplate(transactions);
		this.lookUp.setReadOnly(true);
	}

	/** A token as listed: never the token itself. */
	public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
	}

	/** A token just issued: {@code token} is shown this once. */
	public record IssuedToken(TokenInfo info, String token) {
	}

	@Transactional
	public IssuedToken issue(long accountId, String name, Duration validity) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidFieldException("name", "a token needs a name of 1-100 characters");
		}
		if (validity != null && (validity.isNegative() || validity.isZero())) {
			throw new InvalidFieldException("expiresInDays", "a token's validity must be positive");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		ApiToken saved = tokens.save(new ApiToken(accountId, name.strip(), Sha256.hex(token), now,
				validity == null ? null : now.plus(validity)));
		return new IssuedToken(info(saved), token);
	}

	public List<TokenInfo> of(long accountId) {
		return tokens.findByAccountIdOrderByCreatedAt(accountId).stream().map(ApiTokens::info).toList();
	}

	@Transactional
	public void revoke(long accountId, long tokenId) {
		ApiToken token = tokens.findById(tokenId).filter(t -> t.accountId() == accountId)
				.orElseThrow(() -> new NotFoundException("no token " + tokenId));
		token.revoke(clock.instant());
		recent.invalidate(token.tokenHash());
	}

	/**
	 * The person a valid token belongs to; empty for an unknown, revoked or expired token or a disabled account.
	 * A token found valid is remembered for {@code tierdesk.security.token-cache-ttl} so that API clients do not pay
	 * two queries per request; revoking a token forgets it at once on this instance, other instances stop accepting it
	 * within that time. Expiry is checked on every request.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	Optional<DeskPrincipal> authenticate(String token) {
		Instant now = clock.instant();
		String hash = Sha256.hex(token);
		KnownToken known = recent.getIfPresent(hash);
		if (known == null) {
			known = lookUp.execute(status -> tokens.findByTokenHash(hash).filter(t -> t.validAt(now))
				.flatMap(t -> accounts.findById(t.accountId()).filter(Account::enabled)
					.map(a -> new KnownToken(a.principal(), t.expiresAt())))
				.orElse(null));
			if (known == null) {
				return Optional.empty();
			}
			recent.put(hash, known);
		}
		if (known.expiresAt() != null && !now.isBefore(known.expiresAt())) {
			recent.invalidate(hash);
			return Optional.empty();
		}
		return Optional.of(known.principal());
	}

	private record KnownToken(DeskPrincipal principal, Instant expiresAt) {
	}

	private static TokenInfo info(ApiToken t) {
		return new TokenInfo(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt());
	}
}
