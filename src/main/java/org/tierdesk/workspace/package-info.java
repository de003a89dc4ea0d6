/** Screens that combine modules: for now the home page that greets a signed-in person. */
package org.tierdesk.workspace;
