package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tierdesk.identity.Accounts;
import org.tierdesk.support.Api;
import org.tierdesk.support.DeskTest;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.Role;
import org.tierdesk.ticket.Channel;

/** Formal messages over the API and from the drop folder become tickets, acknowledged by a formal message. */
@DeskTest
class FormalMessageIntakeTests {

	@Autowired
	TestDesk testDesk;

	@Autowired
	Channels channels;

	@Autowired
	FormalMessages messages;

	@Autowired
	Accounts accounts;

	@Autowired
	Api api;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageGateway gateway;

	String message(String to, String subject) {
		return """
				UNCLASSIFIED
				DTG: 231200Z NOV 26
				FROM: USS EXAMPLE
				TO: %s
				SUBJ: %s

				THE GPS RECEIVER REBOOTS EVERY 10 MINUTES.
				BT
				""".formatted(to, subject);
	}

	Desk deskReachedAt(String address) {
		Desk d = testDesk.create();
		DeskPrincipal admin = accounts.findByUsername("admin").orElseThrow().principal();
		channels.addEndpoint(admin, d.key(), Channel.MESSAGE, address);
		return d;
	}

	@Test
	void aFormalMessageHandedInOverTheApiOpensATicketForItsOriginatorAndIsAcknowledgedInKind() throws Exception {
		String address = "NAVY 311 " + System.nanoTime();
		Desk d = deskReachedAt(address);
		accounts.create(new Accounts.NewAccount(d.key().toLowerCase() + ".ship", "USS Example", null, null,
				"USS EXAMPLE", null, null, EnumSet.of(Role.CUSTOMER), Set.of(d.program().id())));

		Api.Response r = api.call(d.agent1(), HttpMethod.POST, "/api/v1/intake/messages",
				message(address.toLowerCase(), "GPS REBOOTS"), java.util.Map.of("Content-Type", "text/plain"));

		assertThat(r.status()).isEqualTo(200);
		String number = r.json("$.ticket");
		assertThat(jdbc.queryForMap("select channel, subject, description from ticket where number = ?", number))
			.containsEntry("CHANNEL", "MESSAGE").containsEntry("SUBJECT", "GPS REBOOTS")
			.satisfies(t -> assertThat((String) t.get("DESCRIPTION")).contains("FROM: USS EXAMPLE")
				.contains("REBOOTS EVERY 10 MINUTES"));
		Path ack = gateway.outbox();
		await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(ack) && Files.list(ack)
			.anyMatch(f -> read(f).contains(number) && read(f).contains("TO: USS EXAMPLE")));

		Api.Response again = api.call(d.agent1(), HttpMethod.POST, "/api/v1/intake/messages",
				message(address, "GPS REBOOTS"), java.util.Map.of("Content-Type", "text/plain"));
		assertThat(again.body()).contains("DUPLICATE");

		Api.Response bad = api.call(d.agent1(), HttpMethod.POST, "/api/v1/intake/messages",
				message(address, "X").replace("DTG: 231200Z NOV 26", "DTG: yesterday"),
				java.util.Map.of("Content-Type", "text/plain"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("line 2").contains("DDHHMMZ MON YY");

		Api.Response customer = api.call(d.customer(), HttpMethod.POST, "/api/v1/intake/messages",
				message(address, "Y"), java.util.Map.of("Content-Type", "text/plain"));
		assertThat(customer.status()).isEqualTo(403);
	}

	@Test
	void aFileDroppedInTheInboxFolderIsTakenInOnceAndABadOneIsFiledWithItsReason() throws Exception {
		String address = "FLEET DESK " + System.nanoTime();
		Desk d = deskReachedAt(address);
		Path root = messages.root();
		Files.createDirectories(root.resolve("inbox"));
		Path good = Files.writeString(root.resolve("inbox/" + d.key() + "-good.txt"), message(address, "RADAR DOWN"));
		Path bad = Files.writeString(root.resolve("inbox/" + d.key() + "-bad.txt"), "SECRET\nDTG: 231200Z NOV 26\n");

		messages.takeFile(good);
		messages.takeFile(bad);
		messages.takeFile(good);

		assertThat(jdbc.queryForList("select subject from ticket where program_id = ?", String.class,
				d.program().id())).containsExactly("RADAR DOWN");
		assertThat(Files.exists(good)).isFalse();
		assertThat(Files.list(root.resolve("rejected")).filter(f -> f.toString().endsWith(d.key() + "-bad.txt.reason"))
			.map(FormalMessageIntakeTests::read)).singleElement().asString().contains("line 1: classified traffic");
	}

	static String read(Path p) {
		try {
			return Files.readString(p);
		}
		catch (java.io.IOException e) {
			return "";
		}
	}
}
