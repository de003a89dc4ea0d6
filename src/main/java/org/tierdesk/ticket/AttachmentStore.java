package org.tierdesk.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps attachment bytes in files under {@code <data-dir>/attachments}, outside the database rows. Files are named by
 * random ids, never by the uploader's file name. The content type is detected from the bytes.
 */
@Component
class AttachmentStore {

	private final Path root;

	private final Tika tika = new Tika();

	AttachmentStore(@Value("${tierdesk.data-dir:./data}") String dataDir) {
		this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("attachments");
	}

	record Stored(String key, long size, String sha256, String contentType) {
	}

	Stored store(InputStream in, String fileName) {
		String key = UUID.randomUUID().toString();
		Path target = pathOf(key);
		try {
			Files.createDirectories(target.getParent());
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Path temp = Files.createTempFile(target.getParent(), "upload", ".part");
			try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
				Files.copy(digesting, temp, StandardCopyOption.REPLACE_EXISTING);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			String type;
			try (InputStream stored = Files.newInputStream(target)) {
				type = tika.detect(stored, fileName);
			}
			return new Stored(key, Files.size(target), HexFormat.of().formatHex(digest.digest()), type);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not store the attachment", e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	InputStream open(String key) throws IOException {
		return Files.newInputStream(pathOf(key));
	}

	void delete(String key) {
		try {
			Files.deleteIfExists(pathOf(key));
		}
		catch (IOException e) {
			// an orphaned file costs disk only; the row is what makes it reachable
		}
	}

	private Path pathOf(String key) {
		UUID.fromString(key); // keys are our own UUIDs: refuses anything that could climb out of the root
		return root.resolve(key.substring(0, 2)).resolve(key);
	}
}
