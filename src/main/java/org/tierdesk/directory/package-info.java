/**
 * The source of support directory: for each program, the support groups of each tier (Tier 4 groups are outside
 * vendors or OEMs) and the people in them.
 */
package org.tierdesk.directory;
