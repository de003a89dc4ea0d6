/**
 * Program onboarding (the desk's "partner services"): a program's point of contact requests the desk's tiered
 * services on a public page; the desk answers within three business days, settles the follow-on checklist with the
 * program, and activates it — tiers, groups, directory and report recipients — in one audited step. Until then the
 * program's channels refuse tickets.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Onboarding")
package org.tierdesk.onboarding;
