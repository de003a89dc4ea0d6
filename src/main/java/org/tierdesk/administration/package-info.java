/**
 * The administration pages: programs and their tiers, support groups and members, people and roles, routing rules
 * with the "explain" tester, service levels (calendars, policies, group targets), escalation ladders and office
 * hours, directory and entitlement imports with a row-by-row report, and channel settings. Every form is checked by
 * the owning module's service; a refusal is shown beside its field. Program managers administer their programs;
 * administrators every program.
 */
package org.tierdesk.administration;
