package org.tierdesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the raw bytes of every message read, under {@code <data-dir>/mail/raw}, named by their SHA-256: writing the
 * same message twice keeps one file, and a name can never leave the folder.
 */
@Component
class RawMailStore {

	private final Path root;

	RawMailStore(@Value("${tierdesk.data-dir:./data}") String dataDir) {
		this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("mail").resolve("raw");
	}

	void keep(String sha256, byte[] raw) {
		Path target = pathOf(sha256);
		if (Files.exists(target)) {
			return;
		}
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), "mail", ".part");
			Files.write(temp, raw);
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException same) {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not keep the raw message", e);
		}
	}

	byte[] read(String sha256) throws IOException {
		return Files.readAllBytes(pathOf(sha256));
	}

	private Path pathOf(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".eml");
	}
}
