-- The escalation timers and the reporting facts are now kept in step by the SLA clocks' listener, in its transaction
-- (TimelineFollower). Events still waiting for the two listeners that no longer exist are handed to that one instead:
-- nothing is left behind in the registry, and handling an event twice is safe for all three.
UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'org.tierdesk.escalation.EscalationListener.on', 'org.tierdesk.sla.SlaListener.on')
 WHERE completion_date IS NULL
   AND listener_id LIKE '%org.tierdesk.escalation.EscalationListener.on(org.tierdesk.ticket.TicketEvent)%';
UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'org.tierdesk.reporting.TicketEventLog.on', 'org.tierdesk.sla.SlaListener.on')
 WHERE completion_date IS NULL
   AND listener_id LIKE '%org.tierdesk.reporting.TicketEventLog.on(org.tierdesk.ticket.TicketEvent)%';
