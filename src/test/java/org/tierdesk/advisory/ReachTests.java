package org.tierdesk.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tierdesk.advisory.Reach.Customer;
import org.tierdesk.advisory.Reach.Installed;

/** The audience rule on its own: which customers an advisory's targets reach, given the installed base. */
class ReachTests {

	final List<Customer> customers = List.of(new Customer(1, "Fleet A", "Pier 1"), new Customer(2, "Fleet A", "Hangar"),
			new Customer(3, "Fleet B", null), new Customer(4, "Gestão", "Pier 1"));

	final List<Installed> base = List.of(new Installed("X-Plan", "2.1", "Fleet A", "Pier 1"),
			new Installed("XP", "2.1", "fleet b", null), new Installed("X-Plan", "2.0", "GESTAO", null));

	@Test
	void noTargetsReachEveryCustomer() {
		assertThat(Reach.customers(customers, base, List.of(), Set.of(), Set.of(), Set.of()))
			.containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
	}

	@Test
	void aSystemAndVersionReachWhoRunsItAtTheirSiteByAnyOfItsNames() {
		assertThat(Reach.customers(customers, base, List.of(Set.of("X-Plan", "XP")), Set.of("2.1"), Set.of(), Set.of()))
			.containsExactlyInAnyOrder(1L, 3L);
		assertThat(Reach.customers(customers, base, List.of(Set.of("x plan", "xp")), Set.of(), Set.of(), Set.of()))
			.as("any version; accents and case ignored in organizations").containsExactlyInAnyOrder(1L, 3L, 4L);
		assertThat(Reach.customers(customers, base, List.of(Set.of("X-Plan")), Set.of("21"), Set.of(), Set.of()))
			.as("versions compare as written").isEmpty();
	}

	@Test
	void sitesAndOrganizationsNarrowTheAudience() {
		assertThat(Reach.customers(customers, base, List.of(), Set.of(), Set.of("pier 1"), Set.of()))
			.containsExactlyInAnyOrder(1L, 4L);
		assertThat(Reach.customers(customers, base, List.of(), Set.of(), Set.of("Pier 1"), Set.of("Fleet A")))
			.containsExactly(1L);
	}
}
