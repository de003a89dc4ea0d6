package org.tierdesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of the desk's pages as pages: not found (also what another program's ticket looks like), forbidden, a
 * refused change. An htmx request gets only the alert, to be swapped in where the answer was expected.
 */
@ControllerAdvice(annotations = DeskPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(Exception e, HttpServletRequest request) {
		return page(request, HttpStatus.NOT_FOUND, "error.notFound", null);
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ModelAndView forbidden(Exception e, HttpServletRequest request) {
		return page(request, HttpStatus.FORBIDDEN, "error.forbidden",
				e instanceof ForbiddenException ? e.getMessage() : null);
	}

	@ExceptionHandler({ InvalidFieldException.class, RuleViolationException.class })
	ModelAndView refused(RuntimeException e, HttpServletRequest request) {
		return page(request, HttpStatus.BAD_REQUEST, "error.refused", e.getMessage());
	}

	@ExceptionHandler({ StaleVersionException.class, ObjectOptimisticLockingFailureException.class })
	ModelAndView stale(RuntimeException e, HttpServletRequest request) {
		log.debug("A page's change met a newer version", e);
		return page(request, HttpStatus.CONFLICT, "error.stale", null);
	}

	private static ModelAndView page(HttpServletRequest request, HttpStatus status, String title, String detail) {
		boolean fragment = request.getHeader("HX-Request") != null;
		ModelAndView mv = new ModelAndView(fragment ? "error/page :: alert" : "error/page");
		mv.setStatus(status);
		mv.addObject("status", status.value());
		mv.addObject("titleKey", title);
		mv.addObject("detail", detail);
		return mv;
	}
}
