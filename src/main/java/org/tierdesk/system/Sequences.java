package org.tierdesk.system;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.persistence.EntityManagerFactory;

/**
 * The next value of a database sequence, in the database's own dialect (H2 and PostgreSQL differ): for numbers people
 * read (ticket and article numbers) and ids of rows written without JPA. Unique across any number of instances.
 */
@Component
public class Sequences {

	private final JdbcTemplate jdbc;

	private final SessionFactoryImplementor sessionFactory;

	Sequences(JdbcTemplate jdbc, EntityManagerFactory emf) {
		this.jdbc = jdbc;
		this.sessionFactory = emf.unwrap(SessionFactoryImplementor.class);
	}

	public long next(String sequence) {
		String sql = sessionFactory.getJdbcServices().getDialect().getSequenceSupport()
			.getSequenceNextValString(sequence);
		Long value = jdbc.queryForObject(sql, Long.class);
		if (value == null) {
			throw new IllegalStateException("sequence " + sequence + " gave no value");
		}
		return value;
	}
}
