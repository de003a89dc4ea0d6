/**
 * Customer satisfaction: a one-question survey (1 to 5 and a comment) offered once per ticket after it closes
 * accepted or by itself, on the ticket's channel (a link by email or text, or the portal), answered once; the answers
 * feed the metrics and the analysis of problem fixes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer satisfaction")
package org.tierdesk.satisfaction;
