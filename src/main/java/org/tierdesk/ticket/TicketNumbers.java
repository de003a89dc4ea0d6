package org.tierdesk.ticket;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManagerFactory;

/**
 * Human ticket numbers ({@code TD-000123}) from a database sequence: unique under concurrent creation on any number
 * of instances; a rolled-back creation leaves a gap, which is fine.
 */
@Component
class TicketNumbers {

	private final JdbcTemplate jdbc;

	private final String nextValueSql;

	private final String prefix;

	TicketNumbers(JdbcTemplate jdbc, EntityManagerFactory emf, TicketProperties properties) {
		this.jdbc = jdbc;
		this.nextValueSql = emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect()
				.getSequenceSupport().getSequenceNextValString("ticket_number_seq");
		this.prefix = properties.numberPrefix();
	}

	String next() {
		Long value = jdbc.queryForObject(nextValueSql, Long.class);
		return format(prefix, value);
	}

	static String format(String prefix, long value) {
		return String.format("%s-%06d", prefix, value);
	}
}
