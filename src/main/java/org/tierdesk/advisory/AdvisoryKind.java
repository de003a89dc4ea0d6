package org.tierdesk.advisory;

/**
 * {@code NOTICE}: a system advisory notice to customers and/or agents. {@code HEADS_UP}: a heads-up message for the
 * desk's agents only (a new known issue, an outage, a workaround), pinned in the console.
 */
public enum AdvisoryKind {
	NOTICE, HEADS_UP
}
