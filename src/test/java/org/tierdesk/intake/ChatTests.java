package org.tierdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.tierdesk.directory.OnCall;
import org.tierdesk.identity.Accounts;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.support.TestClockConfiguration;
import org.tierdesk.support.TestDesk;
import org.tierdesk.support.TestDesk.Desk;

/**
 * Live chat over real WebSocket/STOMP connections to a running server: queue position, pick-up by Tier 1, the
 * transcript as a ticket — and authorization on every subscription, not only at the handshake.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestDesk.class, TestClockConfiguration.class })
class ChatTests {

	@LocalServerPort
	int port;

	@Autowired
	TestDesk testDesk;

	@Autowired
	OnCall onCall;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	final List<StompSession> sessions = new java.util.ArrayList<>();

	@AfterEach
	void disconnect() {
		sessions.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
	}

	@Test
	void aCustomerWaitsWithTheirPositionATier1AgentPicksUpAndTheTranscriptBecomesATicket() throws Exception {
		Desk d = testDesk.create();
		Client customer = connect(d.customer());
		Client colleague = connect(d.colleague());
		Client agent = connect(d.agent1());
		agent.subscribe("/topic/programs/" + d.key() + "/chat-queue");
		customer.subscribe("/user/queue/chat");
		colleague.subscribe("/user/queue/chat");
		agent.subscribe("/user/queue/chat");

		customer.send("/app/chat.start", Map.of("program", d.key(), "topic", "Cannot reach the share"));
		Map<String, Object> started = customer.next("/user/queue/chat");
		long id = ((Number) started.get("id")).longValue();
		assertThat(started).containsEntry("status", "WAITING").containsEntry("position", 1);
		colleague.send("/app/chat.start", Map.of("program", d.key(), "topic", "Me too"));
		assertThat(colleague.next("/user/queue/chat")).containsEntry("position", 2);
		assertThat(agent.next("/topic/programs/" + d.key() + "/chat-queue")).containsKey("waiting");

		customer.subscribe("/topic/chat/" + id);
		agent.subscribe("/topic/chat/" + id);
		agent.subscribe("/user/queue/errors");
		agent.send("/app/chat/" + id + "/pick", Map.of());
		Map<String, Object> picked = agent.frames.get("/user/queue/chat").poll(10, TimeUnit.SECONDS);
		assertThat(picked).as("picked; errors: " + agent.frames.get("/user/queue/errors")).isNotNull()
			.containsEntry("status", "ACTIVE");
		assertThat(customer.until("/topic/chat/" + id, f -> "ACTIVE".equals(f.get("text")))).isNotNull();

		customer.send("/app/chat/" + id + "/say", Map.of("text", "The S: drive is gone"));
		agent.until("/topic/chat/" + id, f -> "The S: drive is gone".equals(f.get("text")));
		agent.send("/app/chat/" + id + "/say", Map.of("text", "Reconnect it with net use S:"));
		customer.until("/topic/chat/" + id, f -> "Reconnect it with net use S:".equals(f.get("text")));

		agent.send("/app/chat/" + id + "/end", Map.of());
		Map<String, Object> ended = agent.frames.get("/user/queue/chat").poll(10, TimeUnit.SECONDS);
		assertThat(ended).as("ended; errors: " + agent.frames.get("/user/queue/errors") + agent.errors).isNotNull();
		assertThat(ended).containsEntry("status", "ENDED");
		String number = (String) ended.get("ticket");
		Map<String, Object> ticket = jdbc.queryForMap("select channel, subject, description, requester_id from ticket "
				+ "where number = ?", number);
		assertThat(ticket).containsEntry("CHANNEL", "CHAT").containsEntry("SUBJECT", "Cannot reach the share")
			.containsEntry("REQUESTER_ID", d.customer().id());
		assertThat((String) ticket.get("DESCRIPTION")).contains("The S: drive is gone")
			.contains("Reconnect it with net use S:");
	}

	@Test
	void noOneCanSubscribeToAnotherCustomersChatOrAnotherProgramsQueue() throws Exception {
		Desk d = testDesk.create();
		Desk other = testDesk.create();
		Client customer = connect(d.customer());
		customer.subscribe("/user/queue/chat");
		customer.send("/app/chat.start", Map.of("program", d.key(), "topic", "Private"));
		long id = ((Number) customer.next("/user/queue/chat").get("id")).longValue();

		Client snoop = connect(d.colleague());
		snoop.subscribe("/topic/chat/" + id);
		await().atMost(Duration.ofSeconds(5)).until(() -> !snoop.session.isConnected());
		assertThat(snoop.errors).anyMatch(e -> e.contains("not allowed to subscribe"));

		Client foreignAgent = connect(other.agent1());
		foreignAgent.subscribe("/topic/programs/" + d.key() + "/chat-queue");
		await().atMost(Duration.ofSeconds(5)).until(() -> !foreignAgent.session.isConnected());

		Client foreignAgent2 = connect(other.agent1());
		foreignAgent2.subscribe("/topic/chat/" + id);
		await().atMost(Duration.ofSeconds(5)).until(() -> !foreignAgent2.session.isConnected());

		Client customerSneaking = connect(d.stranger());
		customerSneaking.send("/topic/chat/" + id, Map.of("text", "injected"));
		await().atMost(Duration.ofSeconds(5)).until(() -> !customerSneaking.session.isConnected());

		customer.subscribe("/topic/chat/" + id);
		customer.send("/app/chat/" + id + "/say", Map.of("text", "still private"));
		customer.until("/topic/chat/" + id, f -> "still private".equals(f.get("text")));
		assertThat(jdbc.queryForObject("select count(*) from intake_chat_line where chat_id = ? and text = 'injected'",
				Long.class, id)).isZero();
	}

	@Test
	void outsideStaffedHoursTheChatOffersToLeaveARequestWhichBecomesATicket() throws Exception {
		Desk d = testDesk.create();
		DayOfWeek today = LocalDate.now(ZoneId.of("Europe/Lisbon")).getDayOfWeek();
		DayOfWeek otherDay = today.plus(3);
		onCall.defineCoverage(accounts.findByUsername("admin").orElseThrow().principal(), d.key(),
				new OnCall.CoverageForm(Map.of(otherDay.name(), List.of("09:00-10:00")), List.of(), "NONE", List.of(),
						null));
		Client customer = connect(d.customer());
		customer.subscribe("/user/queue/chat");

		customer.send("/app/chat.start", Map.of("program", d.key(), "topic", "Late night"));
		Map<String, Object> closed = customer.next("/user/queue/chat");
		assertThat(closed).containsEntry("status", "CLOSED");
		assertThat((String) closed.get("offer")).contains("Leave your request");

		customer.send("/app/chat.leave-request", Map.of("program", d.key(), "text", "Please call me tomorrow"));
		Map<String, Object> left = customer.next("/user/queue/chat");
		assertThat(left).containsEntry("outcome", "OPENED");
		assertThat(jdbc.queryForObject("select channel from ticket where number = ?", String.class, left.get("ticket")))
			.isEqualTo("CHAT");
	}

	@Autowired
	Channels channels;

	@Test
	void aRingingCallPopsTheCallersRecordOnTheAgentsScreen() throws Exception {
		Desk d = testDesk.create();
		var admin = accounts.findByUsername("admin").orElseThrow().principal();
		String line = "+1 800 66" + String.format("%05d", d.program().id() % 100000);
		channels.addEndpoint(admin, d.key(), org.tierdesk.ticket.Channel.PHONE, line);
		channels.changeSettings(admin, d.key(), new Channels.SettingsForm(null, null, null, null, null,
				CallsTests.SECRET));
		String phone = "+44 20 7946 " + String.format("%04d", d.program().id() % 10000);
		Person caller = accounts.create(new Accounts.NewAccount(d.key().toLowerCase() + ".caller", "Casey Caller", null,
				phone, "HMS Example", null, null, java.util.EnumSet.of(org.tierdesk.system.Role.CUSTOMER),
				java.util.Set.of(d.program().id())));
		Client agent = connect(d.agent1());
		agent.subscribe("/user/queue/screen-pop");
		Client other = connect(d.otherAgent1());
		other.subscribe("/user/queue/screen-pop");

		String event = """
				{"event":"started","callId":"POP-%s","from":"%s","to":"%s","agent":"%s"}"""
			.formatted(d.key(), phone, line, d.agent1().username());
		HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/v1/intake/telephony"))
			.header("Content-Type", "application/json").header("X-Gateway-Signature", CallsTests.sign(event))
			.POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);

		Map<String, Object> pop = agent.next("/user/queue/screen-pop");
		assertThat(pop).containsEntry("call", "POP-" + d.key());
		assertThat(pop.get("caller").toString()).contains("Casey Caller").contains(String.valueOf(caller.id()));
		assertThat(other.frames.get("/user/queue/screen-pop").poll(1, TimeUnit.SECONDS)).isNull();
	}

	// -- a STOMP client signed in through the login form ------------------------------------------------------------

	final class Client {

		final StompSession session;

		final Map<String, BlockingQueue<Map<String, Object>>> frames = new java.util.concurrent.ConcurrentHashMap<>();

		final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

		Client(Person who) throws Exception {
			WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
			stomp.setMessageConverter(new JacksonJsonMessageConverter());
			WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
			headers.add("Cookie", login(who.username()));
			this.session = stomp.connectAsync(URI.create("ws://localhost:" + port + "/ws"), headers, new StompHeaders(),
					new StompSessionHandlerAdapter() {
						@Override
						public void handleFrame(StompHeaders h, Object payload) {
							errors.add(String.valueOf(h.getFirst("message")));
						}

						@Override
						public Type getPayloadType(StompHeaders h) {
							return byte[].class;
						}
					}).get(10, TimeUnit.SECONDS);
			sessions.add(session);
		}

		void subscribe(String destination) {
			BlockingQueue<Map<String, Object>> queue = frames.computeIfAbsent(destination, k -> new LinkedBlockingQueue<>());
			session.subscribe(destination, new StompFrameHandler() {
				@Override
				public Type getPayloadType(StompHeaders h) {
					return Map.class;
				}

				@SuppressWarnings("unchecked")
				@Override
				public void handleFrame(StompHeaders h, Object payload) {
					queue.add((Map<String, Object>) payload);
				}
			});
		}

		void send(String destination, Object payload) {
			session.send(destination, payload);
		}

		Map<String, Object> next(String destination) throws InterruptedException {
			Map<String, Object> frame = frames.get(destination).poll(10, TimeUnit.SECONDS);
			assertThat(frame).as("a frame on " + destination).isNotNull();
			return frame;
		}

		Map<String, Object> until(String destination, java.util.function.Predicate<Map<String, Object>> wanted)
				throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				Map<String, Object> frame = frames.get(destination).poll(200, TimeUnit.MILLISECONDS);
				if (frame != null && wanted.test(frame)) {
					return frame;
				}
			}
			throw new AssertionError("no such frame on " + destination);
		}
	}

	Client connect(Person who) throws Exception {
		return new Client(who);
	}

	/** Signs in through the login form like a browser; returns the session cookie. */
	String login(String username) throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.build(), HttpResponse.BodyHandlers.ofString());
		String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestDesk.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
	}
}
