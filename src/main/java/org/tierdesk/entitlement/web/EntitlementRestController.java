package org.tierdesk.entitlement.web;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.entitlement.Entitlements;
import org.tierdesk.entitlement.Entitlements.CheckRequest;
import org.tierdesk.entitlement.Entitlements.CheckResult;
import org.tierdesk.entitlement.Entitlements.ExceptionForm;
import org.tierdesk.entitlement.Entitlements.ExceptionView;
import org.tierdesk.entitlement.Entitlements.ImportSummary;
import org.tierdesk.entitlement.Entitlements.Kind;
import org.tierdesk.entitlement.Entitlements.PolicyView;
import org.tierdesk.system.DeskPrincipal;
import org.tierdesk.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Entitlement", description = "Contracts, assets, licences, the entitlement check, exceptions")
class EntitlementRestController {

	private final Entitlements entitlements;

	EntitlementRestController(Entitlements entitlements) {
		this.entitlements = entitlements;
	}

	@PostMapping("/api/v1/entitlements/check")
	@Operation(summary = "Is this request covered? By serial number, contract number, requester or organization")
	CheckResult check(@RequestBody CheckRequest request, @AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.check(me, request);
	}

	@PostMapping(path = "/api/v1/programs/{key}/entitlement/import/{kind}", consumes = "text/csv")
	@Operation(summary = "Load contracts, assets or licences from CSV: all-or-nothing, idempotent, every bad row named")
	ImportSummary importCsv(@PathVariable String key, @PathVariable String kind, @RequestBody String csv,
			@AuthenticationPrincipal DeskPrincipal me) {
		Kind k;
		try {
			k = Kind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("import contracts, assets or licences, not " + kind);
		}
		return entitlements.importCsv(me, key, k, new StringReader(csv));
	}

	@GetMapping("/api/v1/programs/{key}/entitlement/contracts")
	List<Entitlements.ContractView> contracts(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.contracts(me, key);
	}

	@GetMapping("/api/v1/programs/{key}/entitlement/assets")
	List<Entitlements.AssetView> assets(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.assets(me, key);
	}

	@GetMapping("/api/v1/programs/{key}/entitlement/licences")
	List<Entitlements.LicenceView> licences(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.licences(me, key);
	}

	@GetMapping("/api/v1/programs/{key}/entitlement/policy")
	PolicyView policy(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.policy(me, key);
	}

	@PutMapping("/api/v1/programs/{key}/entitlement/policy")
	@Operation(summary = "What happens to requests that are not entitled: BEST_EFFORT, FLAG_FOR_REVIEW or REFUSE")
	PolicyView setPolicy(@PathVariable String key, @RequestBody PolicyView policy,
			@AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.setPolicy(me, key, policy);
	}

	@GetMapping("/api/v1/programs/{key}/entitlement/exceptions")
	@Operation(summary = "Every exception granted, with who granted it and why")
	List<ExceptionView> exceptions(@PathVariable String key, @AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.exceptions(me, key);
	}

	@PostMapping("/api/v1/programs/{key}/entitlement/exceptions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grant a VIP override (a customer) or a waiver (a ticket), with a reason")
	ExceptionView grant(@PathVariable String key, @RequestBody ExceptionForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return entitlements.grant(me, key, form);
	}
}
