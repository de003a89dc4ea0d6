package org.tierdesk.ticket;

/** How a ticket was resolved. */
public enum ResolutionCode {
	/** The problem is fixed or the request fulfilled. */
	SOLVED,
	/** A workaround restores service; the underlying fault remains. */
	WORKAROUND,
	/** A fix action: corrected software in a named release on a known date. */
	FIX_ACTION,
	/** The requester got the information they asked for. */
	INFORMATION_PROVIDED,
	/** No fault was found. */
	NO_FAULT_FOUND
}
