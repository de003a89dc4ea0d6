package org.tierdesk.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar as the README advises running it for a fast start: extracted ({@code java -Djarmode=tools -jar … extract}) and
 * started with a class data sharing archive made by one training run that stops once the context is refreshed
 * ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}), as the README describes. The archive is
 * made once per build and reused while the jar is unchanged.
 */
final class StartupArchive {

	private StartupArchive() {
	}

	/** The java options and jar to start the service with: the archive's, or the plain jar's if it cannot be made. */
	static List<String> launch(Path jar, String java) throws IOException, InterruptedException {
		Path dir = Path.of("target", "benchmark", "cds");
		Path extracted = dir.resolve(jar.getFileName());
		Path archive = dir.resolve("tierdesk.jsa");
		if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
			Files.createDirectories(dir);
			run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
					dir.toString()), dir.resolve("extract.log"));
			Path training = Files.createTempDirectory("tierdesk-cds-training");
			run(List.of(java, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
					extracted.toString(), "--server.port=0", "--tierdesk.data-dir=" + training,
					"--logging.level.root=WARN"), dir.resolve("training.log"));
		}
		if (!Files.exists(archive)) {
			return List.of("-jar", jar.toString());
		}
		return List.of("-XX:SharedArchiveFile=" + archive, "-jar", extracted.toString());
	}

	private static void run(List<String> command, Path log) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("TIERDESK_ADMIN_PASSWORD", "bench-admin-password");
		Process p = builder.start();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IllegalStateException("did not finish in 5 minutes: " + command + " (see " + log + ")");
		}
	}
}
