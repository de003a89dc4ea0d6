package org.tierdesk.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StaleVersionException;
import org.tierdesk.ticket.EntryVisibility;
import org.tierdesk.ticket.TicketAttachments;
import org.tierdesk.ticket.Tickets;

/**
 * Runs a page's form action the same way everywhere: done, or refused with the reason shown beside the field (and
 * what was typed kept) after the redirect back; and a reply with its files, all or nothing.
 */
@Component
public class FormActions {

	/** A refused form: which form, which field (may be null), and why; a refused import or document, row by row. */
	public record FormProblem(String form, String field, String message, boolean stale,
			List<org.tierdesk.system.InvalidRowsException.RowProblem> rows) {

		public FormProblem(String form, String field, String message, boolean stale) {
			this(form, field, message, stale, List.of());
		}
	}

	private final Tickets tickets;

	private final TicketAttachments attachments;

	private final TransactionTemplate tx;

	FormActions(Tickets tickets, TicketAttachments attachments, PlatformTransactionManager transactions) {
		this.tickets = tickets;
		this.attachments = attachments;
		this.tx = new TransactionTemplate(transactions);
	}

	/**
	 * Runs the action and answers with {@code next}; a refusal is flashed as {@code problem} (with the typed values
	 * as {@code draft}) for the page to show.
	 */
	public String run(RedirectAttributes redirect, String form, Map<String, String> typed, Runnable action,
			String next) {
		return run(redirect, form, typed, action, next, next);
	}

	/** As {@link #run(RedirectAttributes, String, Map, Runnable, String)}, going elsewhere when refused. */
	public String run(RedirectAttributes redirect, String form, Map<String, String> typed, Runnable action,
			String next, String whenRefused) {
		try {
			action.run();
			redirect.addFlashAttribute("done", form);
			return next;
		}
		catch (InvalidFieldException e) {
			refuse(redirect, form, typed, new FormProblem(form, e.field(), e.getMessage(), false));
		}
		catch (org.tierdesk.system.InvalidRowsException e) {
			refuse(redirect, form, typed, new FormProblem(form, null, e.getMessage(), false, e.problems()));
		}
		catch (org.tierdesk.system.NotFoundException e) {
			refuse(redirect, form, typed, new FormProblem(form, null, e.getMessage(), false));
		}
		catch (RuleViolationException e) {
			refuse(redirect, form, typed, new FormProblem(form, e.field(), e.getMessage(), false));
		}
		catch (ForbiddenException e) {
			refuse(redirect, form, typed, new FormProblem(form, null, e.getMessage(), false));
		}
		catch (org.springframework.dao.DataIntegrityViolationException e) {
			refuse(redirect, form, typed, new FormProblem(form, null,
					"this conflicts with what is already there (a duplicate name?)", false));
		}
		catch (StaleVersionException | ObjectOptimisticLockingFailureException e) {
			refuse(redirect, form, typed, new FormProblem(form, null, null, true));
		}
		return whenRefused;
	}

	/** A refusal of a form rendered again in place (not redirected): the field at fault, if the refusal names one. */
	public static FormProblem refusal(String form, RuntimeException e) {
		String field = e instanceof InvalidFieldException f ? f.field()
				: e instanceof RuleViolationException r ? r.field() : null;
		return new FormProblem(form, field, e.getMessage(), false);
	}

	private static void refuse(RedirectAttributes redirect, String form, Map<String, String> typed, FormProblem p) {
		redirect.addFlashAttribute("problem", p);
		Map<String, String> kept = new java.util.HashMap<>(typed);
		kept.remove("_csrf");
		redirect.addFlashAttribute("draft", Map.copyOf(kept));
	}

	/** A reply or note with its files in one transaction: the text and every file, or nothing. */
	public void post(org.tierdesk.system.DeskPrincipal me, String number, EntryVisibility visibility, String body,
			boolean shareWithAssignment, List<MultipartFile> files) {
		List<MultipartFile> real = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		boolean text = body != null && !body.isBlank();
		if (!text && real.isEmpty()) {
			throw new InvalidFieldException("body", "write something or attach a file");
		}
		tx.executeWithoutResult(status -> {
			if (text) {
				tickets.addEntry(me, number, null, visibility, org.tierdesk.ticket.Channel.WEB, body, shareWithAssignment);
			}
			for (MultipartFile f : real) {
				try (InputStream in = f.getInputStream()) {
					attachments.attach(me, number, f.getOriginalFilename(), visibility, in);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		});
	}
}
