package org.tierdesk.advisory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.tierdesk.system.NameKey;

/**
 * Which customers an advisory reaches, from its targets and the program's installed base — a plain rule, no
 * database. A customer is in the audience when every kind of target that is set matches them: their organization,
 * their site, and (for systems and versions) an asset of their organization — at their site, when both name one —
 * running one of the systems, at one of the versions. Names compare ignoring case, accents and punctuation (a system
 * is known by any of its names); versions compare as written.
 */
final class Reach {

	/** A customer as the rule sees them. */
	record Customer(long id, String organization, String site) {
	}

	/** An asset of the installed base: what runs where. */
	record Installed(String system, String version, String organization, String site) {
	}

	private Reach() {
	}

	/**
	 * @param systems  each targeted system with all its names (name and aliases); empty: any system
	 * @param versions targeted versions of those systems; empty: any version
	 */
	static Set<Long> customers(Collection<Customer> customers, Collection<Installed> base, List<Set<String>> systems,
			Set<String> versions, Set<String> sites, Set<String> organizations) {
		Set<String> systemKeys = systems.stream().flatMap(Set::stream).map(NameKey::of).collect(Collectors.toSet());
		// versions compare as written (but for case and spaces): "2.1" is not "21" nor "2.10"
		Set<String> versionKeys = versions.stream().map(Reach::version).collect(Collectors.toSet());
		Set<String> siteKeys = keys(sites);
		Set<String> orgKeys = keys(organizations);
		Set<Long> reached = new LinkedHashSet<>();
		for (Customer c : customers) {
			String org = key(c.organization());
			String site = key(c.site());
			if (!orgKeys.isEmpty() && !orgKeys.contains(org)) {
				continue;
			}
			if (!siteKeys.isEmpty() && !siteKeys.contains(site)) {
				continue;
			}
			if (!systemKeys.isEmpty() && base.stream().noneMatch(a -> org != null && org.equals(key(a.organization()))
					&& (site == null || a.site() == null || site.equals(key(a.site())))
					&& systemKeys.contains(key(a.system()))
					&& (versionKeys.isEmpty() || versionKeys.contains(version(a.version()))))) {
				continue;
			}
			reached.add(c.id());
		}
		return reached;
	}

	private static Set<String> keys(Collection<String> values) {
		return values.stream().map(Reach::key).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

	private static String version(String value) {
		return value == null ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
	}

	private static String key(String value) {
		return value == null || value.isBlank() ? null : NameKey.of(value);
	}
}
