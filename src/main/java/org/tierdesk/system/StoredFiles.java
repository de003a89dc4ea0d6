package org.tierdesk.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files the desk makes (generated reports, mail attachments) kept under {@code <data-dir>/files/<area>}, named by
 * random ids — never by a name a user gave — and written whole or not at all. Instances of a fleet share the data
 * directory, so any of them can serve a file another made.
 */
@Component
public class StoredFiles {

	private final Path root;

	StoredFiles(@Value("${tierdesk.data-dir:./data}") String dataDir) {
		this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
	}

	/** Stores the bytes and answers their key ({@code area/uuid}). */
	public String store(String area, byte[] bytes) {
		if (!area.matches("[a-z0-9-]{1,40}")) {
			throw new IllegalArgumentException("bad area " + area);
		}
		String key = area + "/" + UUID.randomUUID();
		Path target = pathOf(key);
		try {
			Files.createDirectories(target.getParent());
			Path temp = Files.createTempFile(target.getParent(), "file", ".part");
			Files.write(temp, bytes);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not store a file under " + area, e);
		}
	}

	public byte[] read(String key) {
		try {
			return Files.readAllBytes(pathOf(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not read stored file " + key, e);
		}
	}

	public void delete(String key) {
		try {
			Files.deleteIfExists(pathOf(key));
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not delete stored file " + key, e);
		}
	}

	private Path pathOf(String key) {
		if (!key.matches("[a-z0-9-]{1,40}/[0-9a-f-]{36}")) {
			throw new IllegalArgumentException("bad file key");
		}
		return root.resolve(key);
	}
}
