/**
 * Time-based escalation: each program's ladder of steps ("in Tier 1 for 15 business minutes without being taken →
 * escalate to Tier 2", "resolution breached → flag to the duty manager"), their timers kept in the database, and a
 * sweep that fires each step once per ticket and occurrence on any number of instances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Escalation")
package org.tierdesk.escalation;
