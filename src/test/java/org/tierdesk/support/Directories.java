package org.tierdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.tierdesk.support.Api.Response;
import org.tierdesk.support.TestDesk.Desk;

/** Directory set-ups tests share, loaded through the API as a program manager would. */
public final class Directories {

	private Directories() {
	}

	/**
	 * Loads these software systems, each with the desk's Tier 3 group (its {@code agent3}) as cognizant authority —
	 * not Tier 2 — verified yesterday and due for review in 300 days.
	 */
	public static void engineeringAuthorityFor(Api api, Desk d, LocalDate today, String... systems) {
		String entries = Arrays.stream(systems).map(name -> """
				{"name":"%s","type":"SOFTWARE","authorities":[{"tier":3,"group":"%s"}],
				 "verifiedBy":"PMW-150","verifiedAt":"%s","reviewDue":"%s"}"""
			.formatted(name, d.tier3().name(), today.minusDays(1), today.plusDays(300))).collect(Collectors.joining(","));
		Response loaded = api.post(d.manager(), "/api/v1/programs/" + d.key() + "/directory/import",
				"{\"systems\":[" + entries + "]}");
		assertThat(loaded.status()).as(loaded.toString()).isEqualTo(200);
	}
}
