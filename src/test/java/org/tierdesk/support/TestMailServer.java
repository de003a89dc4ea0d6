package org.tierdesk.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * One real SMTP + IMAP server (GreenMail) for the whole test run, on the ports the test configuration names
 * (SMTP 3025, IMAP 3143). Tests use addresses of their own program, so they never read each other's mail.
 */
public final class TestMailServer {

	private static GreenMail server;

	private TestMailServer() {
	}

	public static synchronized GreenMail get() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP_IMAP);
			server.withConfiguration(GreenMailConfiguration.aConfig());
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		}
		return server;
	}

	/** A mailbox on the server: {@code address} is also its login. */
	public static void mailbox(String address, String password) {
		get().setUser(address, address, password);
	}

	/**
	 * Delivers raw bytes over SMTP exactly as given (lines ending in CRLF; dot-stuffed), the way a real sender would:
	 * for messages no mail library would write, such as malformed MIME.
	 */
	public static void deliverRaw(String from, String to, byte[] raw) {
		get();
		try (Socket socket = new Socket("localhost", ServerSetupTest.SMTP.getPort())) {
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = socket.getOutputStream();
			expect(in, "220");
			command(out, in, "HELO test", "250");
			command(out, in, "MAIL FROM:<" + from + ">", "250");
			command(out, in, "RCPT TO:<" + to + ">", "250");
			command(out, in, "DATA", "354");
			String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n").replace("\n", "\r\n");
			StringBuilder stuffed = new StringBuilder();
			for (String line : text.split("\r\n", -1)) {
				stuffed.append(line.startsWith(".") ? "." + line : line).append("\r\n");
			}
			out.write(stuffed.toString().getBytes(StandardCharsets.ISO_8859_1));
			command(out, in, ".", "250");
			command(out, in, "QUIT", "221");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void command(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
		expect(in, expected);
	}

	private static void expect(BufferedReader in, String code) throws IOException {
		String reply;
		do {
			reply = in.readLine();
			if (reply == null) {
				throw new IOException("the SMTP server closed the connection");
			}
		}
		while (reply.length() > 3 && reply.charAt(3) == '-');
		if (!reply.startsWith(code)) {
			throw new IOException("expected " + code + " but the server said: " + reply);
		}
	}
}
