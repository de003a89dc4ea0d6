package org.tierdesk.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPageController {

	/** A configured identity provider, offered as "Sign in with ..." on the login page. */
	record IdentityProvider(String name, String url) {
	}

	private final List<IdentityProvider> identityProviders = new ArrayList<>();

	LoginPageController(ObjectProvider<ClientRegistrationRepository> registrations) {
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object each : all) {
				ClientRegistration registration = (ClientRegistration) each;
				identityProviders.add(new IdentityProvider(registration.getClientName(),
						"/oauth2/authorization/" + registration.getRegistrationId()));
			}
		}
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("identityProviders", identityProviders);
		return "identity/login";
	}
}
