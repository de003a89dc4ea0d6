/**
 * The programs (tenants) the desk serves: key, name, time zone, the tier set-up each one chooses and its
 * desk policies. Every ticket, group, customer and rule belongs to exactly one program.
 */
package org.tierdesk.program;
