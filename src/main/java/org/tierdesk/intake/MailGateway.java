package org.tierdesk.intake;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tierdesk.ticket.Channel;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends mail over SMTP ({@code spring.mail.host}, {@code .port}, {@code .username}, {@code .password}); without a
 * host — the embedded default — it writes each message as an {@code .eml} file under {@code <data-dir>/outbox/mail}
 * instead, so a trial desk loses nothing and needs no mail server. The Message-ID is the signed one from the
 * outbox, kept on every retry, so a message that was sent but not marked sent (a crash in between) is recognised as
 * the same message by the receiving side.
 */
@Component
class MailGateway implements OutboundGateway {

	private static final Logger log = LoggerFactory.getLogger(MailGateway.class);

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private final String defaultFrom;

	private final Path folder;

	private final Session session;

	private final org.tierdesk.system.StoredFiles files;

	MailGateway(@Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port,
			@Value("${spring.mail.username:}") String username, @Value("${spring.mail.password:}") String password,
			@Value("${tierdesk.mail.from:desk@tierdesk.local}") String defaultFrom,
			@Value("${tierdesk.mail.starttls:false}") boolean starttls,
			@Value("${tierdesk.data-dir:./data}") String dataDir, org.tierdesk.system.StoredFiles files) {
		this.files = files;
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
		this.defaultFrom = defaultFrom;
		this.folder = Path.of(dataDir).toAbsolutePath().normalize().resolve("outbox").resolve("mail");
		Properties p = new Properties();
		p.put("mail.smtp.host", host);
		p.put("mail.smtp.port", String.valueOf(port));
		p.put("mail.smtp.connectiontimeout", "10000");
		p.put("mail.smtp.timeout", "20000");
		p.put("mail.smtp.writetimeout", "20000");
		p.put("mail.smtp.auth", String.valueOf(!username.isBlank()));
		p.put("mail.smtp.starttls.enable", String.valueOf(starttls));
		this.session = Session.getInstance(p);
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public void send(Outbound o) throws Exception {
		MimeMessage m = toMime(o);
		if (host.isBlank()) {
			Files.createDirectories(folder);
			Path file = folder.resolve(o.id() + ".eml");
			try (OutputStream out = Files.newOutputStream(file)) {
				m.writeTo(out);
			}
			log.info("No SMTP server configured (spring.mail.host): mail {} to {} written to {}", o.id(), o.recipient(),
					file);
			return;
		}
		try {
			if (username.isBlank()) {
				Transport.send(m);
			}
			else {
				Transport.send(m, username, password);
			}
		}
		catch (SendFailedException e) {
			Address[] invalid = e.getInvalidAddresses();
			if (invalid != null && invalid.length > 0) {
				throw new PermanentFailure("the server refused the recipient: " + e.getMessage(), e);
			}
			throw e;
		}
	}

	MimeMessage toMime(Outbound o) throws MessagingException {
		String messageId = o.messageId();
		MimeMessage m = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", "<" + messageId + ">");
			}
		};
		m.setFrom(new InternetAddress(o.sender() == null ? defaultFrom : o.sender()));
		m.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(o.recipient(), true));
		m.setSubject(o.subject(), "UTF-8");
		if (o.attachmentKey() == null) {
			m.setText(o.body(), "UTF-8");
		}
		else {
			jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
			text.setText(o.body(), "UTF-8");
			jakarta.mail.internet.MimeBodyPart file = new jakarta.mail.internet.MimeBodyPart();
			file.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
					files.read(o.attachmentKey()), o.attachmentType())));
			file.setFileName(o.attachmentName());
			file.setDisposition(jakarta.mail.Part.ATTACHMENT);
			m.setContent(new jakarta.mail.internet.MimeMultipart(text, file));
		}
		m.setSentDate(Date.from(o.createdAt()));
		if (o.inReplyTo() != null) {
			m.setHeader("In-Reply-To", "<" + o.inReplyTo() + ">");
		}
		if (o.references() != null) {
			m.setHeader("References", o.references());
		}
		if (o.autoSubmitted() != null) {
			m.setHeader("Auto-Submitted", o.autoSubmitted());
		}
		m.saveChanges();
		return m;
	}
}
