package org.tierdesk.system;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.databind.DatabindException;

/** Finds which JSON field made a request body unreadable, so the error can name it. */
final class MalformedBody {

	private MalformedBody() {
	}

	static String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (var ref : de.getPath()) {
					if (ref.getPropertyName() != null) {
						if (!path.isEmpty()) {
							path.append('.');
						}
						path.append(ref.getPropertyName());
					}
					else if (ref.getIndex() >= 0) {
						path.append('[').append(ref.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
			cause = cause.getCause();
		}
		return null;
	}
}
