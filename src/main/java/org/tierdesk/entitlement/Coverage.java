package org.tierdesk.entitlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tierdesk.system.NameKey;

/**
 * The rules of entitlement, with no framework: given what the request names and the contracts, asset and licence
 * found for it, the outcome and why.
 */
final class Coverage {

	private Coverage() {
	}

	record ContractTerms(String number, String organization, String serviceLevel, LocalDate startsOn, LocalDate endsOn,
			List<String> systems, List<String> sites) {
	}

	record AssetTerms(String serialNumber, String system, String site, String organization, String contractNumber,
			LocalDate warrantyEnds, String version) {
	}

	record LicenceTerms(String organization, String product, int entitled, int used) {
	}

	/** What the request says: any of these may be missing. */
	record Request(String serialNumber, String contractNumber, String organization, String system, String site) {
	}

	record Outcome(EntitlementStatus status, String serviceLevel, String contractNumber, String reason) {
	}

	/**
	 * @param asset     the asset of the request's serial number, if it named one and it exists
	 * @param contracts the contract it named, or the asset's, or the organization's
	 * @param licence   the organization's licence for the system, if any
	 */
	static Outcome decide(Request r, Optional<AssetTerms> asset, List<ContractTerms> contracts,
			Optional<LicenceTerms> licence, LocalDate today) {
		String system = r.system();
		String site = r.site();
		if (r.serialNumber() != null) {
			if (asset.isEmpty()) {
				return new Outcome(EntitlementStatus.UNKNOWN, null, null, "no asset with serial number " + r.serialNumber());
			}
			AssetTerms a = asset.get();
			system = a.system() != null ? a.system() : system;
			site = a.site() != null ? a.site() : site;
			if (a.contractNumber() == null) {
				if (a.warrantyEnds() != null && !today.isAfter(a.warrantyEnds())) {
					return licensed(new Outcome(EntitlementStatus.ENTITLED, "WARRANTY", null,
							"asset " + a.serialNumber() + " is under warranty until " + a.warrantyEnds()), licence);
				}
				return new Outcome(a.warrantyEnds() == null ? EntitlementStatus.NOT_COVERED : EntitlementStatus.EXPIRED,
						null, null, "asset " + a.serialNumber() + (a.warrantyEnds() == null
								? " is under no contract or warranty" : "'s warranty ended on " + a.warrantyEnds()));
			}
		}
		else if (r.contractNumber() != null && contracts.isEmpty()) {
			return new Outcome(EntitlementStatus.UNKNOWN, null, null, "no contract " + r.contractNumber());
		}
		if (contracts.isEmpty()) {
			if (r.organization() == null) {
				return new Outcome(EntitlementStatus.UNKNOWN, null, null,
						"the requester belongs to no organization and named no serial or contract number");
			}
			return new Outcome(EntitlementStatus.NOT_COVERED, null, null,
					"organization " + r.organization() + " has no contract");
		}
		Outcome best = null;
		for (ContractTerms c : contracts) {
			Outcome o = evaluate(c, system, site, today);
			if (o.status() == EntitlementStatus.ENTITLED) {
				return licensed(o, licence);
			}
			if (best == null || (best.status() == EntitlementStatus.NOT_COVERED && o.status() == EntitlementStatus.EXPIRED)) {
				best = o;
			}
		}
		return best;
	}

	private static Outcome evaluate(ContractTerms c, String system, String site, LocalDate today) {
		if (c.startsOn() != null && today.isBefore(c.startsOn())) {
			return new Outcome(EntitlementStatus.NOT_COVERED, null, c.number(),
					"contract " + c.number() + " starts on " + c.startsOn());
		}
		if (c.endsOn() != null && today.isAfter(c.endsOn())) {
			return new Outcome(EntitlementStatus.EXPIRED, null, c.number(),
					"contract " + c.number() + " ended on " + c.endsOn());
		}
		if (system != null && !c.systems().isEmpty() && c.systems().stream().noneMatch(s -> same(s, system))) {
			return new Outcome(EntitlementStatus.NOT_COVERED, null, c.number(),
					"contract " + c.number() + " does not cover " + system);
		}
		if (site != null && !c.sites().isEmpty() && c.sites().stream().noneMatch(s -> same(s, site))) {
			return new Outcome(EntitlementStatus.NOT_COVERED, null, c.number(),
					"contract " + c.number() + " does not cover site " + site);
		}
		return new Outcome(EntitlementStatus.ENTITLED, c.serviceLevel(), c.number(), "contract " + c.number()
				+ (c.endsOn() == null ? "" : ", valid until " + c.endsOn()) + ", service level " + c.serviceLevel());
	}

	private static Outcome licensed(Outcome o, Optional<LicenceTerms> licence) {
		if (licence.isPresent() && licence.get().used() > licence.get().entitled()) {
			LicenceTerms l = licence.get();
			return new Outcome(EntitlementStatus.OVER_LICENCE_LIMIT, o.serviceLevel(), o.contractNumber(),
					l.organization() + " uses " + l.used() + " licences of " + l.product() + " but is entitled to "
							+ l.entitled());
		}
		return o;
	}

	/** Names compared ignoring case, accents and punctuation. */
	static String key(String s) {
		return s == null ? null : NameKey.of(s);
	}

	static boolean same(String a, String b) {
		return key(a).equals(key(b));
	}
}
