/**
 * System advisory notices and heads-up messages: written by the desk, approved by a program manager other than the
 * author, published to exactly the customers (by the installed base: system, version, site, organization) and agents
 * they concern, through the portal banner and the console, by email and SMS text; acknowledged per recipient, with
 * reminders until then, and no longer shown once expired or withdrawn.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Advisory notices")
package org.tierdesk.advisory;
