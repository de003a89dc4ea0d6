package org.tierdesk.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.Sha256;
import org.tierdesk.ticket.Channel;

/**
 * Formal messages in: over the API, or dropped as text files into {@code <data-dir>/messages/inbox} by a message
 * system. Each is parsed (a bad one is refused naming its line), its program found by its action addressees
 * ({@code TO:}, matched against the program's MESSAGE addresses), its originator by organization, and then it is a
 * ticket like any other: acknowledged by a formal message written to {@code <data-dir>/messages/outbox}. A message
 * retransmitted unchanged is a duplicate. Dropped files are claimed by an atomic rename, so several instances
 * sharing the folder take each file once; they end in {@code done/} or, with a {@code .reason} file, in
 * {@code rejected/}.
 */
@Service
public class FormalMessages {

	private static final Logger log = LoggerFactory.getLogger(FormalMessages.class);

	private static final int MAX_BYTES = 1 << 20;

	private final Channels channels;

	private final IntakePipeline pipeline;

	private final Path root;

	FormalMessages(Channels channels, IntakePipeline pipeline, @Value("${tierdesk.data-dir:./data}") String dataDir) {
		this.channels = channels;
		this.pipeline = pipeline;
		this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("messages");
	}

	Path root() {
		return root;
	}

	/** A formal message handed in over the API by a person (or system account) of the desk's staff. */
	public IntakeOutcome receive(DeskPrincipal me, String text) {
		Parsed p = parse(text);
		if (!me.staffOf(p.programId())) {
			throw new ForbiddenException("only the program's desk staff hand in its formal messages");
		}
		return take(p);
	}

	private record Parsed(FormalMessage message, long programId) {
	}

	private Parsed parse(String text) {
		if (text != null && text.length() > MAX_BYTES) {
			throw new InvalidFieldException("message", "a formal message has at most " + MAX_BYTES + " characters");
		}
		FormalMessage m;
		try {
			m = FormalMessage.parse(text);
		}
		catch (FormalMessage.Invalid e) {
			throw new InvalidFieldException("line " + e.line(), e.getMessage());
		}
		Optional<Long> program = Optional.empty();
		for (String to : m.to()) {
			program = channels.programReachedAt(Channel.MESSAGE, to);
			if (program.isPresent()) {
				break;
			}
		}
		return new Parsed(m, program.orElseThrow(() -> new InvalidFieldException("TO",
				"no program is reached at " + String.join(", ", m.to()))));
	}

	private IntakeOutcome take(Parsed p) {
		FormalMessage m = p.message();
		String key = "msg:" + Sha256.hex(m.from() + "\n" + m.dateTimeGroup() + "\n" + m.subject() + "\n" + m.body());
		return pipeline.receive(new InboundMessage(p.programId(), Channel.MESSAGE, key,
				m.from().toUpperCase(java.util.Locale.ROOT), m.from(), null, m.subject(),
				m.headerSummary() + "\n\n" + m.body(), null, null, null, true, null,
				new org.tierdesk.ticket.StructuredFacts(m.dateTimeGroup(), null, null, null, null)));
	}

	@Scheduled(fixedDelayString = "${tierdesk.messages.poll-interval:10s}", initialDelayString = "${tierdesk.messages.poll-interval:10s}")
	void pollDropFolder() {
		Path inbox = root.resolve("inbox");
		if (!Files.isDirectory(inbox)) {
			return;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox, "*.txt")) {
			for (Path file : files) {
				takeFile(file);
			}
		}
		catch (IOException e) {
			log.warn("Could not read the formal message folder {}: {}", inbox, e.toString());
		}
		catch (DataAccessException e) {
			log.warn("Formal messages paused: the database cannot be reached ({})", e.getMostSpecificCause().toString());
		}
	}

	/** Claims one dropped file (atomic rename), takes it in, and files it as done or rejected. */
	void takeFile(Path file) throws IOException {
		Path processing = root.resolve("processing");
		Files.createDirectories(processing);
		Path claimed = processing.resolve(UUID.randomUUID() + "-" + file.getFileName());
		try {
			Files.move(file, claimed, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (NoSuchFileException taken) {
			return; // another instance claimed it first
		}
		catch (AtomicMoveNotSupportedException e) {
			throw new IOException("the message folders must be on one file system", e);
		}
		String text;
		try {
			byte[] bytes = Files.readAllBytes(claimed);
			text = new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			reject(claimed, file, "could not be read: " + e.getMessage());
			return;
		}
		try {
			IntakeOutcome outcome = take(parse(text));
			Path done = root.resolve("done");
			Files.createDirectories(done);
			Files.move(claimed, done.resolve(claimed.getFileName()), StandardCopyOption.ATOMIC_MOVE);
			log.info("Formal message {} taken in: {} {}", file.getFileName(), outcome.kind(), outcome.ticketNumber());
		}
		catch (InvalidFieldException e) {
			reject(claimed, file, e.getMessage());
		}
		catch (DataAccessException e) {
			// the database is away: put the file back for the next poll
			Files.move(claimed, file, StandardCopyOption.ATOMIC_MOVE);
			throw e;
		}
	}

	private void reject(Path claimed, Path original, String reason) throws IOException {
		Path rejected = root.resolve("rejected");
		Files.createDirectories(rejected);
		Path target = rejected.resolve(claimed.getFileName());
		Files.move(claimed, target, StandardCopyOption.ATOMIC_MOVE);
		Files.writeString(rejected.resolve(claimed.getFileName() + ".reason"), reason + "\n");
		log.info("Formal message {} rejected: {}", original.getFileName(), reason);
	}
}
