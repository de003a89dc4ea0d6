/**
 * Tier 0 knowledge: articles per program, validated and authorized by the cognizant authority of the systems they are
 * about (from the directory), published to customers and the desk, kept in every revision, linked to the tickets they
 * resolved and rated by their readers.
 */
package org.tierdesk.knowledge;
