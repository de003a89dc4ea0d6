package org.tierdesk.system;

import java.util.List;

/**
 * A bulk input (an import file) has bad rows; nothing of it was applied. HTTP 400 listing every problem with its
 * line (or entry number) and field.
 */
public class InvalidRowsException extends RuntimeException {

	/** One problem: the line (CSV) or 1-based entry number (JSON), the field, and what is wrong. */
	public record RowProblem(int line, String field, String message) {
	}

	private final List<RowProblem> problems;

	public InvalidRowsException(String message, List<RowProblem> problems) {
		super(message);
		this.problems = List.copyOf(problems);
	}

	public List<RowProblem> problems() {
		return problems;
	}
}
