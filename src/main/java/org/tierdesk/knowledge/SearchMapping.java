package org.tierdesk.knowledge;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.tierdesk.ticket.Ticket;
import org.tierdesk.ticket.TicketEntry;

/**
 * Makes tickets searchable without the ticket module knowing about search: subject, description and every entry,
 * in English and Portuguese, with the program and status to filter on. (Articles are mapped by their annotations.)
 */
public class SearchMapping implements HibernateOrmSearchMappingConfigurer {

	@Override
	public void configure(HibernateOrmMappingConfigurationContext context) {
		ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
		TypeMappingStep ticket = mapping.type(Ticket.class);
		ticket.indexed().index("ticket");
		ticket.property("number").keywordField("number").normalizer(SearchAnalysis.KEY).projectable(Projectable.YES);
		ticket.property("programId").genericField("programId");
		ticket.property("status").keywordField("status").projectable(Projectable.YES);
		text(ticket, "subject");
		text(ticket, "description");
		ticket.property("entries").indexedEmbedded("entries").includePaths("body_en", "body_pt");
		TypeMappingStep entry = mapping.type(TicketEntry.class);
		text(entry, "body");
	}

	private static void text(TypeMappingStep type, String property) {
		type.property(property)
			.fullTextField(property + "_en").analyzer(SearchAnalysis.ENGLISH).projectable(Projectable.YES)
			.highlightable(java.util.List.of(Highlightable.UNIFIED))
			.fullTextField(property + "_pt").analyzer(SearchAnalysis.PORTUGUESE);
	}
}
