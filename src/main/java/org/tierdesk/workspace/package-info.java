/**
 * The desk's own screens: the agent console (queues with live updates, saved filters, the ticket workspace, log a
 * call), the vendor view and the pages' shared parts (language, layout). Reads and changes go through the other
 * modules' services; nothing here holds a ticket rule of its own.
 */
package org.tierdesk.workspace;
