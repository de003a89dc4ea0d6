/**
 * Service levels: business calendars, SLA policies per program (and contract service level) and priority, OLA and
 * underpinning-contract targets per support group, and the clocks that measure every ticket against them — one
 * customer-facing clock per target on the ticket, one per assignment for the tier holding the work. Clocks are
 * derived from the ticket's history, so they never depend on the order events arrive in, and a sweep over due
 * instants stored in the database raises warnings and breaches, once, on any number of instances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA and OLA")
package org.tierdesk.sla;
