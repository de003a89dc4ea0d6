/**
 * Every channel, one request: the addresses, numbers and endpoints each program is reached on, one intake pipeline
 * that turns any incoming message (mail, SMS, chat, a logged call, a formal message, the web portal) into a new
 * ticket or an entry on the ticket it follows up — once, whatever is delivered twice — and the durable outbox that
 * answers on the channel the request came in on. Channel adapters only turn their input into an
 * {@link org.tierdesk.intake.InboundMessage}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake channels")
package org.tierdesk.intake;
