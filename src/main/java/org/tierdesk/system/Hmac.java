package org.tierdesk.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed signatures (HMAC) and their comparison in constant time: thread tokens, gateway webhooks, credential caches. */
public final class Hmac {

	private Hmac() {
	}

	/** HMAC-SHA256 of {@code data} under {@code key}. */
	public static byte[] sha256(byte[] key, byte[] data) {
		return mac("HmacSHA256", key, data);
	}

	/** HMAC-SHA1 of {@code data} under {@code key}: only for gateways whose signature scheme is fixed to it. */
	public static byte[] sha1(byte[] key, byte[] data) {
		return mac("HmacSHA1", key, data);
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Whether two signatures (as text) are equal, compared in constant time; false when either is missing. */
	public static boolean same(String expected, String given) {
		return expected != null && given != null && MessageDigest.isEqual(
				expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] mac(String algorithm, byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(algorithm);
			mac.init(new SecretKeySpec(key, algorithm));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(algorithm + " is always present", e);
		}
	}
}
