package org.tierdesk.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.Channel;

/**
 * Formal messages out: written as text files (classification, date-time group, FROM/TO, SUBJ, text) to
 * {@code <data-dir>/messages/outbox}, where the organization's message system collects them.
 */
@Component
class MessageGateway implements OutboundGateway {

	private static final DateTimeFormatter DTG = DateTimeFormatter.ofPattern("ddHHmm'Z' MMM yy", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final Path outbox;

	private final Clock clock;

	private final String desk;

	MessageGateway(@Value("${tierdesk.data-dir:./data}") String dataDir, Clock clock,
			@Value("${tierdesk.messages.originator:SERVICE DESK}") String desk) {
		this.outbox = Path.of(dataDir).toAbsolutePath().normalize().resolve("messages").resolve("outbox");
		this.clock = clock;
		this.desk = desk;
	}

	Path outbox() {
		return outbox;
	}

	@Override
	public Channel channel() {
		return Channel.MESSAGE;
	}

	@Override
	public void send(Outbound o) throws Exception {
		String text = "UNCLASSIFIED\n" + "DTG: " + DTG.format(clock.instant()).toUpperCase(Locale.ROOT) + "\n"
				+ "FROM: " + (o.sender() == null ? desk : o.sender()) + "\n" + "TO: " + o.recipient() + "\n"
				+ "SUBJ: " + o.subject().toUpperCase(Locale.ROOT) + "\n\n" + o.body().strip() + "\nBT\n";
		Files.createDirectories(outbox);
		Path temp = Files.createTempFile(outbox, "msg", ".part");
		Files.writeString(temp, text);
		Files.move(temp, outbox.resolve("td-" + o.id() + ".txt"), StandardCopyOption.ATOMIC_MOVE,
				StandardCopyOption.REPLACE_EXISTING);
	}
}
