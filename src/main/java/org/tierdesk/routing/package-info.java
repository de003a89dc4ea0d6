/**
 * Routing: ordered rules per program that pick the Tier 1 queue, an owner, a group at a tier or a person for each new
 * ticket (first match wins, a fallback queue catches the rest); vectoring to the cognizant authority found in the
 * directory (its on-call person after hours); picking a person inside a group (round-robin or least-loaded); swarming.
 * Runs as a listener of the ticket's events, never inside the ticket module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.tierdesk.routing;
