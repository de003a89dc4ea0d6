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

	NoticeTemplates() {
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
