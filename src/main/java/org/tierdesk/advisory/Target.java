package org.tierdesk.advisory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One targeting value of an advisory: a system, a version of those systems, a site or an organization. */
@Embeddable
record Target(@Enumerated(EnumType.STRING) @Column(name = "target_kind") Kind kind,
		@Column(name = "target_value") String value) {

	enum Kind {
		SYSTEM, VERSION, SITE, ORGANIZATION
	}
}
