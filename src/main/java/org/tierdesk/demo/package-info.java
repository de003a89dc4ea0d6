/**
 * The demo desk: with {@code --demo} (or {@code tierdesk.demo=true}) a realistic sample program is seeded through the
 * modules' own APIs, so a new user sees a working desk at once.
 */
package org.tierdesk.demo;
