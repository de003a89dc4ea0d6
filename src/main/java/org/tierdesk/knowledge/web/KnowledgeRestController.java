package org.tierdesk.knowledge.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tierdesk.knowledge.Article.Content;
import org.tierdesk.knowledge.ArticleStatus;
import org.tierdesk.knowledge.Audience;
import org.tierdesk.knowledge.Knowledge;
import org.tierdesk.knowledge.Knowledge.ArticleView;
import org.tierdesk.knowledge.Knowledge.RevisionView;
import org.tierdesk.knowledge.Knowledge.StepView;
import org.tierdesk.system.DeskPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Knowledge articles and their validation workflow. */
@RestController
@Tag(name = "Knowledge", description = "Articles validated by the cognizant authority, published to Tier 0 and Tier 1")
class KnowledgeRestController {

	private final Knowledge knowledge;

	private final org.tierdesk.knowledge.KnowledgeSearch search;

	private final org.tierdesk.knowledge.TicketFinder tickets;

	private final org.tierdesk.knowledge.SearchIndex index;

	KnowledgeRestController(Knowledge knowledge, org.tierdesk.knowledge.KnowledgeSearch search,
			org.tierdesk.knowledge.TicketFinder tickets, org.tierdesk.knowledge.SearchIndex index) {
		this.index = index;
		this.knowledge = knowledge;
		this.search = search;
		this.tickets = tickets;
	}


	@PostMapping("/api/v1/search/index")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Rebuild this instance's search index from the database, in the background (administrators)")
	org.tierdesk.knowledge.SearchIndex.Progress rebuild(@AuthenticationPrincipal DeskPrincipal me) {
		return index.rebuild(me);
	}

	@GetMapping("/api/v1/search/index")
	org.tierdesk.knowledge.SearchIndex.Progress indexProgress(@AuthenticationPrincipal DeskPrincipal me) {
		return index.progress(me);
	}

	@GetMapping("/api/v1/programs/{key}/tickets/search")
	@Operation(summary = "Full-text search of the program's tickets and their conversation (desk staff)")
	List<org.tierdesk.knowledge.TicketFinder.TicketHit> searchTickets(@PathVariable String key,
			@RequestParam String text, @RequestParam(defaultValue = "false") boolean unfinished,
			@RequestParam(required = false) Integer limit, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.search(me, key, text, unfinished, limit);
	}

	@GetMapping("/api/v1/tickets/{number}/similar")
	@Operation(summary = "Tickets whose subject is like this one's, most alike first (desk staff)")
	List<org.tierdesk.knowledge.TicketFinder.TicketHit> similar(@PathVariable String number,
			@RequestParam(defaultValue = "5") int limit, @AuthenticationPrincipal DeskPrincipal me) {
		return tickets.similarTo(me, number, Math.max(1, Math.min(limit, 50)));
	}

	@GetMapping("/api/v1/programs/{key}/articles/search")
	@Operation(summary = "Full-text search (English and Portuguese, typos, \"phrases\", prefix*); snippets mark matches with ⟦ ⟧")
	List<org.tierdesk.knowledge.KnowledgeSearch.Hit> search(@PathVariable String key, @RequestParam String text,
			@RequestParam(required = false) String system, @RequestParam(required = false) String version,
			@RequestParam(defaultValue = "false") boolean everything, @RequestParam(required = false) Integer limit,
			@AuthenticationPrincipal DeskPrincipal me) {
		return search.search(me, key, new org.tierdesk.knowledge.KnowledgeSearch.Query(text, system, version, everything,
				limit));
	}

	record ArticleForm(String title, String problem, String symptoms, String cause, String solution, String keywords,
			Map<String, String> systems, Audience audience, Integer internalTier, LocalDate reviewDue,
			LocalDate expiresOn) {

		Content content() {
			return new Content(title, problem, symptoms, cause, solution, keywords, systems, audience, internalTier,
					reviewDue, expiresOn);
		}
	}

	record Note(String note) {
	}

	record Feedback(boolean helpful) {
	}

	record TicketRef(String ticket) {
	}

	@PostMapping("/api/v1/programs/{key}/articles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write an article (a draft)")
	ArticleView write(@PathVariable String key, @RequestBody ArticleForm form, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.write(me, key, form.content());
	}

	@GetMapping("/api/v1/programs/{key}/articles")
	@Operation(summary = "The program's articles the caller may read (customers: published public answers only)")
	List<ArticleView> list(@PathVariable String key, @RequestParam(required = false) ArticleStatus status,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.list(me, key, status);
	}

	@GetMapping("/api/v1/articles/{number}")
	ArticleView get(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.get(me, number);
	}

	@PutMapping("/api/v1/articles/{number}")
	@Operation(summary = "A new revision; anything beyond a draft goes back to draft for validation")
	ArticleView revise(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, @RequestBody ArticleForm form,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.revise(me, number, version, form.content(), reason);
	}

	@PostMapping("/api/v1/articles/{number}/submission")
	ArticleView submit(@PathVariable String number, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.submit(me, number, version);
	}

	@PostMapping("/api/v1/articles/{number}/validation")
	@Operation(summary = "Validate and authorize (a person of the systems' cognizant authority, not the author)")
	ArticleView validate(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody(required = false) Note note, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.validate(me, number, version, note == null ? null : note.note());
	}

	@PostMapping("/api/v1/articles/{number}/send-back")
	ArticleView sendBack(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody(required = false) Note note, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.sendBack(me, number, version, note == null ? null : note.note());
	}

	@PostMapping("/api/v1/articles/{number}/publication")
	ArticleView publish(@PathVariable String number, @RequestParam(required = false) Long version,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.publish(me, number, version);
	}

	@PostMapping("/api/v1/articles/{number}/retirement")
	ArticleView retire(@PathVariable String number, @RequestParam(required = false) Long version,
			@RequestBody(required = false) Note note, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.retire(me, number, version, note == null ? null : note.note());
	}

	@GetMapping("/api/v1/articles/{number}/revisions")
	List<RevisionView> revisions(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.revisions(me, number);
	}

	@GetMapping("/api/v1/articles/{number}/workflow")
	List<StepView> workflow(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.workflow(me, number);
	}

	@GetMapping("/api/v1/articles/{number}/diff")
	@Operation(summary = "Two revisions compared (unified diff, line by line)")
	List<String> diff(@PathVariable String number, @RequestParam int from, @RequestParam int to,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.diff(me, number, from, to);
	}

	@PostMapping("/api/v1/articles/{number}/feedback")
	ArticleView feedback(@PathVariable String number, @RequestBody Feedback feedback,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.feedback(me, number, feedback.helpful());
	}

	@PostMapping("/api/v1/articles/{number}/tickets")
	@Operation(summary = "Record that the article was used to resolve a ticket")
	ArticleView link(@PathVariable String number, @RequestBody TicketRef ticket,
			@AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.link(me, number, ticket.ticket());
	}

	@PostMapping("/api/v1/tickets/{number}/article")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft an article from a resolved ticket in one step")
	ArticleView fromTicket(@PathVariable String number, @AuthenticationPrincipal DeskPrincipal me) {
		return knowledge.fromTicket(me, number);
	}
}
