/**
 * People and accounts: customers, agents, vendors, program managers and administrators; their roles and
 * programs; authentication by password (form login, HTTP Basic) and personal API tokens, with login throttling.
 */
package org.tierdesk.identity;
