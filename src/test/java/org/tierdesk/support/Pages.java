package org.tierdesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.tierdesk.identity.Accounts.Person;
import org.tierdesk.system.DeskPrincipal;

/** The desk's HTML pages through MockMvc, signed in as a person of the test desk (with a CSRF token on posts). */
public class Pages {

	private final MockMvc mvc;

	public Pages(MockMvc mvc) {
		this.mvc = mvc;
	}

	public record Page(int status, String html, MockHttpServletResponse raw, java.util.Map<String, Object> flash) {

		public String redirect() {
			return raw.getRedirectedUrl();
		}
	}

	public Page get(Person as, String path) {
		return perform(signedIn(MockMvcRequestBuilders.get(path), as));
	}

	public Page htmx(Person as, String path, String target) {
		return perform(signedIn(MockMvcRequestBuilders.get(path), as).header("HX-Request", "true")
			.header("HX-Target", target));
	}

	/** A form post: parameters as name, value, name, value ... */
	public Page post(Person as, String path, String... params) {
		MockHttpServletRequestBuilder b = signedIn(MockMvcRequestBuilders.post(path), as).with(csrf());
		for (int i = 0; i + 1 < params.length; i += 2) {
			b.param(params[i], params[i + 1]);
		}
		return perform(b);
	}

	public Page postWithoutCsrf(Person as, String path, String... params) {
		MockHttpServletRequestBuilder b = signedIn(MockMvcRequestBuilders.post(path), as);
		for (int i = 0; i + 1 < params.length; i += 2) {
			b.param(params[i], params[i + 1]);
		}
		return perform(b);
	}

	public Page perform(org.springframework.test.web.servlet.RequestBuilder request) {
		try {
			org.springframework.test.web.servlet.MvcResult result = mvc.perform(request).andReturn();
			MockHttpServletResponse r = result.getResponse();
			return new Page(r.getStatus(), r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8), r,
					result.getFlashMap() == null ? java.util.Map.of() : java.util.Map.copyOf(result.getFlashMap()));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public static <B extends org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<B>> B signedIn(
			B b, Person as) {
		if (as == null) {
			return b;
		}
		DeskPrincipal me = as.principal();
		List<SimpleGrantedAuthority> authorities = me.roles().stream()
			.map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
		return b.with(authentication(new UsernamePasswordAuthenticationToken(me, null, authorities)));
	}
}
