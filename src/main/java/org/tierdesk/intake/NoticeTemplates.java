package org.tierdesk.intake;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The words of the desk's notices, per language (English and Portuguese shipped): plain-text Thymeleaf templates
 * under {@code notices/<language>/<purpose>.txt}, whose first line is {@code Subject: ...}. Values are inserted as
 * text; nothing in a ticket can become markup or a header.
 */
@Component
class NoticeTemplates {

	static final Set<String> LANGUAGES = Set.of("en", "pt");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	/** Each program's own wordings, per instance for a few seconds (forgotten at once when one is saved here). */
	private final com.github.benmanes.caffeine.cache.Cache<Long, Map<String, NoticeWording>> wordings =
			com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
				.expireAfterWrite(java.time.Duration.ofSeconds(10)).maximumSize(10_000).build();

	NoticeTemplates(org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("notices/");
		resolver.setSuffix(".txt");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		engine.setTemplateResolver(resolver);
	}

	record Rendered(String subject, String body) {
	}

	/** The program's own wording of the notice, if it has one; the shipped template otherwise. */
	Rendered render(long programId, String language, Outbound.Purpose purpose, String variant,
			Map<String, Object> values) {
		if (variant == null) {
			NoticeWording own = wordingsOf(programId).get(purpose.name() + "/" + language);
			if (own != null) {
				return own.fill(values);
			}
		}
		return render(language, purpose, variant, values);
	}

	Map<String, NoticeWording> wordingsOf(long programId) {
		return wordings.get(programId, id -> {
			Map<String, NoticeWording> found = new java.util.HashMap<>();
			jdbc.query("select purpose, language, subject, body from intake_notice_template where program_id = ?",
					rs -> {
						found.put(rs.getString(1) + "/" + rs.getString(2),
								new NoticeWording(rs.getString(3), rs.getString(4)));
					}, id);
			return found;
		});
	}

	void forget(long programId) {
		org.tierdesk.system.AfterCommit.forgetNowAndAtEnd(() -> wordings.invalidate(programId));
	}

	/** The shipped template's text, before any value is filled in, for showing beside a program's own wording. */
	String shipped(String language, Outbound.Purpose purpose) {
		try (var in = getClass().getClassLoader().getResourceAsStream(
				"notices/" + language + "/" + purpose.name().toLowerCase(Locale.ROOT) + ".txt")) {
			return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.IOException e) {
			return "";
		}
	}

	Rendered render(String language, Outbound.Purpose purpose, String variant, Map<String, Object> values) {
		String lang = LANGUAGES.contains(language) ? language : "en";
		Context context = new Context(Locale.forLanguageTag(lang), values);
		String name = lang + "/" + purpose.name().toLowerCase(Locale.ROOT) + (variant == null ? "" : "-" + variant);
		String text = engine.process(name, context);
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		if (!first.startsWith("Subject:")) {
			throw new IllegalStateException("notice template " + lang + "/" + purpose + " must start with 'Subject:'");
		}
		String subject = first.substring("Subject:".length()).strip().replaceAll("[\\r\\n]+", " ");
		return new Rendered(subject, end < 0 ? "" : text.substring(end + 1).stripLeading());
	}
}
