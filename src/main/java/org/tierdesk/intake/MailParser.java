package org.tierdesk.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.tierdesk.system.Sha256;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads raw mail into a {@link ParsedMail}, refusing — with a reason a person can act on — what the desk must not
 * take in: messages over the size limit, NUL bytes, a huge header block, malformed MIME, unknown charsets, too
 * deeply nested or too many parts, an attachment over the limit, a compressed archive that expands far beyond its
 * size (a zip bomb).
 */
final class MailParser {

	static {
		// Jakarta Mail looks its stream provider up with a ServiceLoader scan of the class path for every header block
		// it parses (2.1.x), which costs more than the parsing; naming Angus' provider makes it a plain class lookup.
		if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
			try {
				Class.forName("org.eclipse.angus.mail.util.MailStreamProvider");
				System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
			}
			catch (ClassNotFoundException e) {
				// another provider: left to the ServiceLoader
			}
		}
	}

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final Pattern ID = Pattern.compile("<([^<>\\s]{1,900})>");

	record Limits(long maxMessageBytes, long maxAttachmentBytes, int maxHeaderBytes, int maxParts, int maxDepth,
			long maxExpandedBytes, long htmlTimeoutMillis) {

		static Limits standard(long maxAttachmentBytes) {
			return new Limits(Math.max(25L << 20, maxAttachmentBytes * 2), maxAttachmentBytes, 256 * 1024, 200, 10,
					200L << 20, 2000);
		}
	}

	private final Limits limits;

	MailParser(Limits limits) {
		this.limits = limits;
	}

	ParsedMail parse(byte[] raw, Set<String> ownAddresses) throws BadMail {
		if (raw.length > limits.maxMessageBytes()) {
			throw new BadMail("the message is " + raw.length + " bytes; the limit is " + limits.maxMessageBytes());
		}
		int headerEnd = headerEnd(raw);
		if (headerEnd > limits.maxHeaderBytes()) {
			throw new BadMail("the header block is " + headerEnd + " bytes; the limit is " + limits.maxHeaderBytes());
		}
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == 0) {
				throw new BadMail("the message contains a NUL byte (at byte " + i + ")");
			}
		}
		try {
			MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
			InternetAddress from = from(m);
			String subject = decodeSubject(m);
			String messageId = firstId(m.getHeader("Message-ID", null));
			List<String> replyTo = new ArrayList<>();
			replyTo.addAll(ids(m.getHeader("In-Reply-To", null)));
			List<String> refs = ids(m.getHeader("References", " "));
			for (int i = refs.size() - 1; i >= 0; i--) {
				if (!replyTo.contains(refs.get(i))) {
					replyTo.add(refs.get(i));
				}
			}
			List<String> recipients = new ArrayList<>();
			for (String header : List.of("To", "Cc")) {
				String value = m.getHeader(header, ",");
				if (value != null) {
					try {
						for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
							if (a.getAddress() != null) {
								recipients.add(a.getAddress().toLowerCase(Locale.ROOT));
							}
						}
					}
					catch (AddressException ignored) {
						// an unreadable recipient list does not stop the message: the mailbox names the program
					}
				}
			}
			Walk walk = new Walk();
			walk.part(m, 0);
			String text = walk.plain != null ? walk.plain
					: walk.html != null ? HtmlText.toText(walk.html, limits.htmlTimeoutMillis()) : "";
			text = QuotedText.trim(text.replace("\r\n", "\n"));
			String fromAddress = from.getAddress().toLowerCase(Locale.ROOT);
			boolean bounce = walk.deliveryStatus || (isDaemon(fromAddress) && emptyReturnPath(m));
			List<String> bounced = new ArrayList<>(walk.returnedIds);
			if (bounce && bounced.isEmpty()) {
				Matcher ours = Pattern.compile("td\\.\\d{1,18}\\.\\d{1,18}\\.[0-9a-f]{24}@[^\\s>]+").matcher(
						new String(raw, StandardCharsets.ISO_8859_1));
				while (ours.find()) {
					bounced.add(ours.group());
				}
			}
			String date = m.getHeader("Date", null);
			String fingerprint = Sha256.hex(String.join("\n", String.valueOf(messageId), fromAddress,
					String.valueOf(date), String.valueOf(subject),
					Sha256.hex(new String(raw, headerEnd, raw.length - headerEnd, StandardCharsets.ISO_8859_1))));
			return new ParsedMail(messageId, replyTo, fromAddress, from.getPersonal(), recipients, subject, text,
					walk.attachments, automatic(m, fromAddress, ownAddresses), bounce, bounced, fingerprint);
		}
		catch (MessagingException | IOException | RuntimeException e) {
			throw new BadMail("malformed message: " + e.getMessage(), e);
		}
	}

	/** The From header's value (lower case, unfolded), read from the raw header block; empty when there is none. */
	static String senderKey(byte[] raw) {
		String headers = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
		Matcher m = Pattern.compile("(?im)^From:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)").matcher(headers);
		return m.find() ? m.group(1).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT) : "";
	}

	/** Why the desk must not answer this mail automatically (RFC 3834 and the usual robot headers), or null. */
	static String automatic(MimeMessage m, String fromAddress, Set<String> ownAddresses) throws MessagingException {
		String autoSubmitted = m.getHeader("Auto-Submitted", null);
		if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return "Auto-Submitted: " + autoSubmitted.strip();
		}
		String precedence = m.getHeader("Precedence", null);
		if (precedence != null && Set.of("bulk", "list", "junk").contains(precedence.strip().toLowerCase(Locale.ROOT))) {
			return "Precedence: " + precedence.strip();
		}
		for (Enumeration<Header> e = m.getAllHeaders(); e.hasMoreElements();) {
			String name = e.nextElement().getName();
			if (name.regionMatches(true, 0, "List-", 0, 5)) {
				return name + " header (a mailing list)";
			}
			if (name.equalsIgnoreCase("X-Autoreply") || name.equalsIgnoreCase("X-Autorespond")
					|| name.equalsIgnoreCase("X-Auto-Response-Suppress") && "All".equalsIgnoreCase(
							m.getHeader(name, null))) {
				return name + " header";
			}
		}
		if (emptyReturnPath(m)) {
			return "empty Return-Path (a bounce or a robot)";
		}
		if (ownAddresses.contains(fromAddress)) {
			return "sent from the desk's own address " + fromAddress;
		}
		if (isDaemon(fromAddress)) {
			return "sent by a mail system (" + fromAddress + ")";
		}
		return null;
	}

	private static boolean emptyReturnPath(MimeMessage m) throws MessagingException {
		String rp = m.getHeader("Return-Path", null);
		return rp != null && rp.replaceAll("[\\s<>]", "").isEmpty();
	}

	private static boolean isDaemon(String address) {
		String local = address.substring(0, Math.max(0, address.indexOf('@'))).toLowerCase(Locale.ROOT);
		return local.equals("mailer-daemon") || local.equals("postmaster");
	}

	private static InternetAddress from(MimeMessage m) throws BadMail, MessagingException {
		String raw = m.getHeader("From", ",");
		if (raw == null) {
			throw new BadMail("the message has no From header");
		}
		Address[] from;
		try {
			from = InternetAddress.parseHeader(raw, false);
		}
		catch (AddressException e) {
			throw new BadMail("the From header is not an address: " + e.getMessage());
		}
		if (from.length == 0 || !(from[0] instanceof InternetAddress ia) || ia.getAddress() == null
				|| !ia.getAddress().contains("@")) {
			throw new BadMail("the From header is not an address");
		}
		return ia;
	}

	private static String decodeSubject(MimeMessage m) throws MessagingException, BadMail {
		String raw = m.getHeader("Subject", null);
		if (raw == null) {
			return "";
		}
		try {
			return MimeUtility.decodeText(MimeUtility.unfold(raw));
		}
		catch (UnsupportedEncodingException e) {
			throw new BadMail("the subject is in an unknown charset: " + e.getMessage());
		}
	}

	private static String firstId(String header) {
		List<String> ids = ids(header);
		return ids.isEmpty() ? null : ids.get(0);
	}

	private static List<String> ids(String header) {
		List<String> ids = new ArrayList<>();
		if (header == null) {
			return ids;
		}
		Matcher m = ID.matcher(header);
		while (m.find() && ids.size() < 100) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static int headerEnd(byte[] raw) {
		for (int i = 0; i + 1 < raw.length; i++) {
			if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
				return raw[i + 1] == '\n' ? i + 2 : i + 3;
			}
		}
		return raw.length;
	}

	/** One walk over the MIME tree. */
	private final class Walk {

		String plain;

		String html;

		boolean deliveryStatus;

		final List<InboundMessage.Attachment> attachments = new ArrayList<>();

		final Set<String> returnedIds = new LinkedHashSet<>();

		int parts;

		void part(Part p, int depth) throws MessagingException, IOException, BadMail {
			if (++parts > limits.maxParts()) {
				throw new BadMail("the message has more than " + limits.maxParts() + " parts");
			}
			if (depth > limits.maxDepth()) {
				throw new BadMail("the message nests parts deeper than " + limits.maxDepth());
			}
			ContentType type = contentType(p);
			String base = type.getBaseType().toLowerCase(Locale.ROOT);
			if (base.startsWith("multipart/")) {
				if ("multipart/report".equals(base)
						&& "delivery-status".equalsIgnoreCase(type.getParameter("report-type"))) {
					deliveryStatus = true;
				}
				Object content = p.getContent();
				if (!(content instanceof Multipart mp)) {
					throw new BadMail("a multipart part has no parts");
				}
				for (int i = 0; i < mp.getCount(); i++) {
					BodyPart child = mp.getBodyPart(i);
					part(child, depth + 1);
				}
				return;
			}
			if (base.equals("message/delivery-status")) {
				deliveryStatus = true;
				return;
			}
			if (base.equals("text/rfc822-headers") || base.equals("message/rfc822")) {
				byte[] returned = read(p, limits.maxMessageBytes(), "returned message");
				Matcher m = Pattern.compile("(?im)^Message-ID:\\s*<([^<>\\s]{1,900})>").matcher(
						new String(returned, StandardCharsets.ISO_8859_1));
				while (m.find()) {
					returnedIds.add(m.group(1));
				}
				if (!deliveryStatus) {
					attachments.add(new InboundMessage.Attachment("forwarded-message.eml", "message/rfc822", returned));
				}
				return;
			}
			String disposition = p.getDisposition();
			String fileName = fileName(p);
			boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null
					|| !base.startsWith("text/");
			if (!attachment && base.equals("text/plain") && plain == null) {
				plain = text(p, type);
				return;
			}
			if (!attachment && base.equals("text/html") && html == null) {
				html = text(p, type);
				return;
			}
			byte[] bytes = read(p, limits.maxAttachmentBytes(), fileName == null ? "an attachment" : fileName);
			String name = fileName != null ? fileName : "part-" + parts + extension(base);
			if (base.equals("application/zip") || base.equals("application/x-zip-compressed")
					|| name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
				checkArchive(name, bytes);
			}
			attachments.add(new InboundMessage.Attachment(name, base, bytes));
		}

		private ContentType contentType(Part p) throws MessagingException, BadMail {
			try {
				return new ContentType(p.getContentType() == null ? "text/plain" : p.getContentType());
			}
			catch (jakarta.mail.internet.ParseException e) {
				throw new BadMail("unreadable Content-Type: " + p.getContentType());
			}
		}

		private String text(Part p, ContentType type) throws MessagingException, IOException, BadMail {
			String charset = type.getParameter("charset");
			String javaCharset = charset == null ? "US-ASCII" : MimeUtility.javaCharset(charset);
			if (!java.nio.charset.Charset.isSupported(javaCharset)) {
				throw new BadMail("a text part is in an unknown charset: " + charset);
			}
			byte[] bytes = read(p, limits.maxAttachmentBytes(), "the text");
			return new String(bytes, java.nio.charset.Charset.forName(javaCharset));
		}

		private byte[] read(Part p, long limit, String what) throws MessagingException, IOException, BadMail {
			try (InputStream in = p.getInputStream()) {
				byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
				if (bytes.length > limit) {
					throw new BadMail(what + " is over the limit of " + limit + " bytes");
				}
				return bytes;
			}
		}

		private String fileName(Part p) throws MessagingException {
			String name;
			try {
				name = p.getFileName();
			}
			catch (MessagingException e) {
				name = null;
			}
			if (name == null) {
				return null;
			}
			try {
				return MimeUtility.decodeText(name);
			}
			catch (UnsupportedEncodingException e) {
				return name;
			}
		}

		private void checkArchive(String name, byte[] bytes) throws BadMail {
			long expanded = 0;
			int entries = 0;
			byte[] buffer = new byte[64 * 1024];
			try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
				ZipEntry e;
				while ((e = zip.getNextEntry()) != null) {
					if (++entries > 10_000) {
						throw new BadMail(name + " holds more than 10,000 files");
					}
					int n;
					while ((n = zip.read(buffer)) > 0) {
						expanded += n;
						if (expanded > limits.maxExpandedBytes() || expanded > 100L * Math.max(bytes.length, 1024)) {
							throw new BadMail(name + " expands to more than " + expanded + " bytes from "
									+ bytes.length + " (a zip bomb?)");
						}
					}
				}
			}
			catch (IOException e) {
				// not a readable archive: kept as the file it is, never unpacked
			}
		}
	}

	private static String extension(String type) {
		return switch (type) {
			case "image/png" -> ".png";
			case "image/jpeg" -> ".jpg";
			case "image/gif" -> ".gif";
			case "text/html" -> ".html";
			case "text/plain" -> ".txt";
			case "application/pdf" -> ".pdf";
			default -> ".bin";
		};
	}
}
