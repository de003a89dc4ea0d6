package org.tierdesk.workspace;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An agent's named queue filter: the console's query string, under a name of the agent's choosing. */
@Entity
@Table(name = "workspace_saved_filter")
class SavedFilter {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workspace_seq")
	@SequenceGenerator(name = "workspace_seq", sequenceName = "workspace_seq", allocationSize = 50)
	private Long id;

	private long accountId;

	private String name;

	private String query;

	private Instant createdAt;

	protected SavedFilter() {
	}

	SavedFilter(long accountId, String name, String query, Instant createdAt) {
		this.accountId = accountId;
		this.name = name;
		this.query = query;
		this.createdAt = createdAt;
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	String name() {
		return name;
	}

	String query() {
		return query;
	}

	void query(String query) {
		this.query = query;
	}
}
