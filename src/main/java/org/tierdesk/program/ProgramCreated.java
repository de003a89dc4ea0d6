package org.tierdesk.program;

/** A program was set up on the desk. */
public record ProgramCreated(long programId, String key) {
}
