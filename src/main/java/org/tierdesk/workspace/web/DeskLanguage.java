package org.tierdesk.workspace.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.tierdesk.intake.Channels;
import org.tierdesk.system.DeskPrincipal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The language of the desk's pages: the reader's own choice (the switch in the header, kept in a cookie for a
 * year), else the language of the reader's program, else what the browser asks for, else English.
 */
@Configuration(proxyBeanMethods = false)
class DeskLanguage implements WebMvcConfigurer {

	static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt"));

	static final String COOKIE = "tierdesk-lang";

	private static final String PROGRAM_LANGUAGE = DeskLanguage.class.getName() + ".program";

	@Bean
	LocaleResolver localeResolver(Channels channels) {
		return new Resolver(channels);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	static Optional<Locale> spoken(String tag) {
		if (tag == null) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.strip()).getLanguage();
		return SPOKEN.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	private record Resolver(Channels channels) implements LocaleResolver {

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			if (request.getAttribute(COOKIE) instanceof Locale justChosen) {
				return justChosen;
			}
			if (request.getCookies() != null) {
				for (Cookie c : request.getCookies()) {
					if (COOKIE.equals(c.getName())) {
						Optional<Locale> chosen = spoken(c.getValue());
						if (chosen.isPresent()) {
							return chosen.get();
						}
					}
				}
			}
			Optional<Locale> program = programLanguage(request);
			if (program.isPresent()) {
				return program.get();
			}
			for (java.util.Enumeration<Locale> asked = request.getLocales(); asked.hasMoreElements();) {
				Optional<Locale> match = spoken(asked.nextElement().toLanguageTag());
				if (match.isPresent()) {
					return match.get();
				}
			}
			return Locale.ENGLISH;
		}

		/** The language of the signed-in reader's program (their first, by id), looked up once per session. */
		private Optional<Locale> programLanguage(HttpServletRequest request) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || !(auth.getPrincipal() instanceof DeskPrincipal me) || me.programIds().isEmpty()) {
				return Optional.empty();
			}
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(PROGRAM_LANGUAGE) instanceof String cached) {
				return cached.isEmpty() ? Optional.empty() : spoken(cached);
			}
			long first = me.programIds().stream().mapToLong(Long::longValue).min().orElseThrow();
			String language = channels.languageOf(first).orElse("");
			if (session != null) {
				session.setAttribute(PROGRAM_LANGUAGE, language);
			}
			return language.isEmpty() ? Optional.empty() : spoken(language);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Optional<Locale> chosen = locale == null ? Optional.empty() : spoken(locale.toLanguageTag());
			if (chosen.isEmpty() || response == null) {
				return;
			}
			request.setAttribute(COOKIE, chosen.get());
			ResponseCookie cookie = ResponseCookie.from(COOKIE, chosen.get().getLanguage()).path("/").httpOnly(true)
				.sameSite("Lax").secure(request.isSecure()).maxAge(Duration.ofDays(365)).build();
			response.addHeader("Set-Cookie", cookie.toString());
		}
	}
}
