package org.tierdesk.system;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses JSON request bodies over {@code tierdesk.ticket.max-json-body-bytes} with 413 before they are read.
 * Multipart uploads have their own limit ({@code spring.servlet.multipart.max-file-size}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxJsonBytes;

	RequestSizeLimitFilter(@Value("${tierdesk.ticket.max-json-body-bytes:1MB}") DataSize maxJsonBytes) {
		this.maxJsonBytes = maxJsonBytes.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
		if (!multipart && request.getContentLengthLong() > maxJsonBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
					+ "\"detail\":\"The request body is larger than " + maxJsonBytes + " bytes.\"}");
			return;
		}
		chain.doFilter(request, response);
	}
}
