package org.tierdesk.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the REST API into RFC 9457 {@code application/problem+json}. Field errors carry an
 * {@code errors} list of {@code {field, message}}; nothing internal (stack traces, SQL, class names) leaks.
 */
@RestControllerAdvice(basePackages = "org.tierdesk")
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the pages' own error handling (PageErrors)
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	record FieldProblem(String field, String message) {
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), List.of());
	}

	@ExceptionHandler(InvalidFieldException.class)
	ProblemDetail invalidField(InvalidFieldException e) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(),
				List.of(new FieldProblem(e.field(), e.getMessage())));
	}

	@ExceptionHandler(InvalidRowsException.class)
	ProblemDetail invalidRows(InvalidRowsException e) {
		ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "Invalid rows", e.getMessage(), List.of());
		pd.setProperties(Map.of("errors", e.problems()));
		return pd;
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolation(RuleViolationException e) {
		return problem(HttpStatus.CONFLICT, "Not allowed now", e.getMessage(),
				e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), e.getMessage())));
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", List.of());
	}

	@ExceptionHandler(StaleVersionException.class)
	ProblemDetail stale(StaleVersionException e) {
		return problem(HttpStatus.PRECONDITION_FAILED, "Stale version", e.getMessage(),
				List.of(new FieldProblem(HttpHeaders.IF_MATCH, e.getMessage())));
	}

	@ExceptionHandler(ObjectOptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(ObjectOptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "Concurrent change",
				"Someone else changed this at the same moment; reload and try again.", List.of());
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		log.info("Refused a write that would break a database constraint: {}", e.getMostSpecificCause().getClass());
		return problem(HttpStatus.CONFLICT, "Conflict", "The change conflicts with existing data (a duplicate?).",
				List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
			// a malformed id names nothing that exists
			return problem(HttpStatus.NOT_FOUND, "Not found", "no such " + e.getName(), List.of());
		}
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", "'" + e.getName() + "' has an invalid value",
				List.of(new FieldProblem(e.getName(), "invalid value")));
	}

	@ExceptionHandler(RequestTooLargeException.class)
	ProblemDetail tooLarge(RequestTooLargeException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage(), List.of());
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
				.map(fe -> new FieldProblem(fe.getField(), fe.getDefaultMessage())).toList();
		String detail = errors.stream().map(fe -> fe.field() + ": " + fe.message()).sorted()
				.reduce((a, b) -> a + "; " + b).orElse("Invalid request");
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getParameterValidationResults().stream()
				.flatMap(r -> r.getResolvableErrors().stream()
						.map(err -> new FieldProblem(r.getMethodParameter().getParameterName(),
								err.getDefaultMessage())))
				.toList();
		return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, "Invalid request", "Invalid request parameters", errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.body(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage(), List.of()));
			}
		}
		String field = MalformedBody.fieldOf(ex);
		String detail = field == null ? "The request body is not valid JSON of the expected shape."
				: "'" + field + "' has a value of the wrong type or format.";
		List<FieldProblem> errors = field == null ? List.of() : List.of(new FieldProblem(field, "wrong type or format"));
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors));
	}

	@ExceptionHandler(RuntimeException.class)
	ProblemDetail unexpected(RuntimeException e) {
		log.error("Unexpected error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; the error has been logged.", List.of());
	}

	static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
		pd.setType(URI.create("about:blank"));
		if (!errors.isEmpty()) {
			pd.setProperties(Map.of("errors", errors));
		}
		return pd;
	}
}
