/**
 * Read-only metrics and reports. For now it keeps the ticket event history that metrics are computed from, written
 * reliably from ticket events through the event publication registry.
 */
package org.tierdesk.reporting;
