package org.tierdesk.directory;

/** What kind of thing a supported system is; routing rules can tell them apart. */
public enum SystemType {
	HARDWARE, SOFTWARE, SERVICE
}
