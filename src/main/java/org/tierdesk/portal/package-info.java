/**
 * The customer portal, the single point of contact on the web: open a request with the structured form, follow my
 * requests and every public reply, reply with files, accept or reject a resolution.
 */
package org.tierdesk.portal;
