/**
 * Cross-cutting set-up every module relies on: the injected clock, the RFC 9457 error responses and the
 * exceptions that map to them, and request size limits.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tierdesk.system;
