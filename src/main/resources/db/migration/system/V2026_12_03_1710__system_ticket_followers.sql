-- The SLA clocks, the escalation timers, the reporting facts and the knowledge deflection marks are all kept in step
-- by one listener of the ticket module (TicketFollowers), in one transaction per ticket event. Events still waiting
-- for the listeners it replaces are handed to it: nothing is left behind, and handling an event twice is safe.
UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'org.tierdesk.sla.SlaListener.on', 'org.tierdesk.ticket.TicketFollowers.on')
 WHERE completion_date IS NULL
   AND listener_id LIKE '%org.tierdesk.sla.SlaListener.on(org.tierdesk.ticket.TicketEvent)%';
UPDATE event_publication
   SET listener_id = REPLACE(listener_id, 'org.tierdesk.knowledge.Deflection.on(org.tierdesk.ticket.TicketOpened)',
                             'org.tierdesk.ticket.TicketFollowers.on(org.tierdesk.ticket.TicketEvent)')
 WHERE completion_date IS NULL
   AND listener_id LIKE '%org.tierdesk.knowledge.Deflection.on(org.tierdesk.ticket.TicketOpened)%';
