package org.tierdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tierdesk.support.Api;

/** A body sent without Content-Length (chunked) is cut off at the limit too, over a real HTTP connection. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChunkedBodyLimitTests {

	@LocalServerPort
	int port;

	HttpResponse<String> postChunked(String json) throws Exception {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/programs"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((Api.ADMIN + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
		HttpResponse<String> response = postChunked(
				"{\"key\":\"HUGE\",\"name\":\"" + "x".repeat(1_200_000) + "\"}");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Request too large");
	}

	@Test
	void aChunkedBodyUnderTheLimitIsAccepted() throws Exception {
		HttpResponse<String> response = postChunked("{\"key\":\"CHUNKED\",\"name\":\"Sent in chunks\"}");
		assertThat(response.statusCode()).isEqualTo(201);
	}
}
