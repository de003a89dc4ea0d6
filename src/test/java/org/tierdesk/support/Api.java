package org.tierdesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts.Person;

import com.jayway.jsonpath.JsonPath;

/** Calls the REST API through the full filter chain (real authentication) as a given person. */
public class Api {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-test-password";

	private final MockMvc mvc;

	public Api(MockMvc mvc) {
		this.mvc = mvc;
	}

	public record Response(int status, String body, MockHttpServletResponse raw) {

		public <T> T json(String path) {
			return JsonPath.read(body, path);
		}

		public String header(String name) {
			return raw.getHeader(name);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}

	public Response get(Person as, String path) {
		return call(as, HttpMethod.GET, path, null, Map.of());
	}

	public Response post(Person as, String path, String json) {
		return call(as, HttpMethod.POST, path, json, Map.of());
	}

	public Response put(Person as, String path, String json) {
		return call(as, HttpMethod.PUT, path, json, Map.of());
	}

	public Response patch(Person as, String path, String json) {
		return call(as, HttpMethod.PATCH, path, json, Map.of());
	}

	public Response call(Person as, HttpMethod method, String path, String json, Map<String, String> headers) {
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return perform(as, request, headers);
	}

	public Response upload(Person as, String path, MockMultipartFile file) {
		return perform(as, MockMvcRequestBuilders.multipart(path).file(file), Map.of());
	}

	public Response perform(Person as, AbstractMockHttpServletRequestBuilder<?> request, Map<String, String> headers) {
		headers.forEach(request::header);
		if (as != null) {
			request.with(httpBasic(as.username(), as.username().equals(ADMIN) ? ADMIN_PASSWORD : TestDesk.PASSWORD));
		}
		try {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			return new Response(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8), response);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
