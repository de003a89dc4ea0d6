/**
 * Entitlement: customers' contracts, assets (serial numbers) and licences, the check "is this requester covered,
 * under which service level?" at intake and on demand, the per-program policy for requests that are not, and the
 * exceptions (VIP overrides, waivers) granted by people with a reason.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Entitlement")
package org.tierdesk.entitlement;
