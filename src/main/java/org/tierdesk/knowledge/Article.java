package org.tierdesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tierdesk.system.ForbiddenException;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.mapper.pojo.extractor.builtin.BuiltinContainerExtractors;
import org.hibernate.search.mapper.pojo.extractor.mapping.annotation.ContainerExtraction;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A knowledge article and its workflow: draft → submitted → validated (by the cognizant authority of its systems,
 * never by its own author) → published → retired. Changing the content of a submitted, validated or published article
 * makes a new revision and sends it back to draft: what customers and Tier 1 see is always a validated revision.
 */
@Entity
@Table(name = "knowledge_article")
@org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed(index = "article")
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_seq")
	@SequenceGenerator(name = "knowledge_seq", sequenceName = "knowledge_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	@GenericField
	private long programId;

	@KeywordField(projectable = Projectable.YES)
	private String number;

	@FullTextField(name = "title_en", analyzer = SearchAnalysis.ENGLISH, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "title_pt", analyzer = SearchAnalysis.PORTUGUESE)
	private String title;

	@FullTextField(name = "problem_en", analyzer = SearchAnalysis.ENGLISH, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "problem_pt", analyzer = SearchAnalysis.PORTUGUESE)
	private String problem;

	@FullTextField(name = "symptoms_en", analyzer = SearchAnalysis.ENGLISH, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "symptoms_pt", analyzer = SearchAnalysis.PORTUGUESE)
	private String symptoms;

	@FullTextField(name = "cause_en", analyzer = SearchAnalysis.ENGLISH, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "cause_pt", analyzer = SearchAnalysis.PORTUGUESE)
	private String cause;

	@FullTextField(name = "solution_en", analyzer = SearchAnalysis.ENGLISH, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "solution_pt", analyzer = SearchAnalysis.PORTUGUESE)
	private String solution;

	@FullTextField(name = "keywords_en", analyzer = SearchAnalysis.ENGLISH, projectable = Projectable.YES,
			highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "keywords_pt", analyzer = SearchAnalysis.PORTUGUESE)
	private String keywords;

	@Enumerated(EnumType.STRING)
	@KeywordField(projectable = Projectable.YES)
	private Audience audience;

	@GenericField
	private Integer internalTier;

	@Enumerated(EnumType.STRING)
	@KeywordField(projectable = Projectable.YES)
	private ArticleStatus status;

	private int revision;

	private LocalDate reviewDue;

	@GenericField(indexNullAs = "9999-12-31")
	private LocalDate expiresOn;

	private long authorId;

	private Instant submittedAt;

	private Long validatedBy;

	private Instant validatedAt;

	private Integer validatedRevision;

	private Instant publishedAt;

	private Instant retiredAt;

	private Long sourceTicketId;

	private int helpful;

	private int notHelpful;

	private int ticketLinks;

	private Instant createdAt;

	private Instant updatedAt;

	/** System name → the versions it applies to (null or blank: every version). */
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "knowledge_article_system", joinColumns = @JoinColumn(name = "article_id"))
	@MapKeyColumn(name = "system_name")
	@Column(name = "versions")
	@KeywordField(name = "system", normalizer = SearchAnalysis.KEY,
			extraction = @ContainerExtraction(BuiltinContainerExtractors.MAP_KEY))
	@FullTextField(name = "versions", analyzer = "whitespace")
	private Map<String, String> systems = new LinkedHashMap<>();

	protected Article() {
	}

	/** What an author writes. */
	public record Content(String title, String problem, String symptoms, String cause, String solution,
			String keywords, Map<String, String> systems, Audience audience, Integer internalTier, LocalDate reviewDue,
			LocalDate expiresOn) {

		public Content {
			title = required("title", title, 300);
			problem = required("problem", problem, 20_000);
			solution = required("solution", solution, 100_000);
			symptoms = optional("symptoms", symptoms, 20_000);
			cause = optional("cause", cause, 20_000);
			keywords = optional("keywords", keywords, 1000);
			audience = audience == null ? Audience.AGENTS : audience;
			if (audience == Audience.INTERNAL && (internalTier == null || internalTier < 1 || internalTier > 4)) {
				throw new InvalidFieldException("internalTier", "an internal article names the tier (1-4) it is for");
			}
			if (audience != Audience.INTERNAL) {
				internalTier = null;
			}
			Map<String, String> clean = new LinkedHashMap<>();
			if (systems != null) {
				systems.forEach((name, versions) -> {
					String n = optional("systems", name, 200);
					if (n != null) {
						clean.put(n, optional("systems", versions, 500));
					}
				});
			}
			systems = clean;
			if (reviewDue != null && expiresOn != null && expiresOn.isBefore(reviewDue)) {
				throw new InvalidFieldException("expiresOn", "an article cannot expire before its review date");
			}
		}

		/** The content as text, line by line: what revisions keep and compare. */
		String text() {
			List<String> lines = new ArrayList<>();
			lines.add("Title: " + title);
			lines.add("Audience: " + audience + (internalTier == null ? "" : " (tier " + internalTier + " and up)"));
			systems.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(s -> lines
				.add("System: " + s.getKey() + (s.getValue() == null ? "" : " " + s.getValue())));
			lines.add("Keywords: " + Objects.toString(keywords, ""));
			lines.add("Problem:");
			lines.addAll(List.of(problem.split("\\R", -1)));
			lines.add("Symptoms:");
			lines.addAll(List.of(Objects.toString(symptoms, "").split("\\R", -1)));
			lines.add("Cause:");
			lines.addAll(List.of(Objects.toString(cause, "").split("\\R", -1)));
			lines.add("Solution:");
			lines.addAll(List.of(solution.split("\\R", -1)));
			return String.join("\n", lines);
		}
	}

	static Article write(long programId, String number, Content content, long authorId, Long sourceTicketId,
			Instant now) {
		Article a = new Article();
		a.programId = programId;
		a.number = number;
		a.status = ArticleStatus.DRAFT;
		a.revision = 1;
		a.authorId = authorId;
		a.sourceTicketId = sourceTicketId;
		a.createdAt = now;
		a.apply(content, now);
		return a;
	}

	/** A new revision of the content; anything beyond a draft goes back to draft for validation. */
	boolean revise(Content content, Instant now) {
		requireNot(ArticleStatus.RETIRED, "change");
		if (content.text().equals(content().text())) {
			return false;
		}
		apply(content, now);
		revision++;
		if (status != ArticleStatus.DRAFT) {
			status = ArticleStatus.DRAFT;
			submittedAt = null;
			publishedAt = null;
		}
		return true;
	}

	void submit(Instant now) {
		if (status != ArticleStatus.DRAFT) {
			throw new RuleViolationException("status", "only a draft is submitted for validation; this one is " + status);
		}
		if (systems.isEmpty()) {
			throw new InvalidFieldException("systems",
					"name the system(s) the article is about: their cognizant authority validates it");
		}
		status = ArticleStatus.SUBMITTED;
		submittedAt = now;
		updatedAt = now;
	}

	/** Validation and authorization by a person of the cognizant authority (checked by the caller), not the author. */
	void validate(long validatorId, Instant now) {
		if (status != ArticleStatus.SUBMITTED) {
			throw new RuleViolationException("status", "only a submitted article is validated; this one is " + status);
		}
		if (validatorId == authorId) {
			throw new ForbiddenException("an article is validated by someone other than its author");
		}
		status = ArticleStatus.VALIDATED;
		validatedBy = validatorId;
		validatedAt = now;
		validatedRevision = revision;
		updatedAt = now;
	}

	void sendBack(Instant now) {
		if (status != ArticleStatus.SUBMITTED && status != ArticleStatus.VALIDATED) {
			throw new RuleViolationException("status", "only a submitted or validated article is sent back; this one is "
					+ status);
		}
		status = ArticleStatus.DRAFT;
		submittedAt = null;
		updatedAt = now;
	}

	void publish(Instant now) {
		if (status != ArticleStatus.VALIDATED || !Objects.equals(validatedRevision, revision)) {
			throw new RuleViolationException("status", "only a validated article is published; this one is " + status);
		}
		status = ArticleStatus.PUBLISHED;
		publishedAt = now;
		updatedAt = now;
	}

	void retire(Instant now) {
		requireNot(ArticleStatus.RETIRED, "retire");
		status = ArticleStatus.RETIRED;
		retiredAt = now;
		updatedAt = now;
	}

	void feedback(Boolean before, boolean helpfulNow) {
		if (before != null) {
			if (before) {
				helpful--;
			}
			else {
				notHelpful--;
			}
		}
		if (helpfulNow) {
			helpful++;
		}
		else {
			notHelpful++;
		}
	}

	void linked() {
		ticketLinks++;
	}

	/** Published and its current revision validated (expiry is checked at query time, against the reader's today). */
	@GenericField(projectable = Projectable.YES)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "status")),
			@ObjectPath(@PropertyValue(propertyName = "revision")),
			@ObjectPath(@PropertyValue(propertyName = "validatedRevision")) })
	public boolean isAnswer() {
		return status == ArticleStatus.PUBLISHED && Objects.equals(validatedRevision, revision);
	}

	/** Shown to customers and offered to Tier 1: published, its validated revision, not expired on {@code today}. */
	public boolean answers(LocalDate today) {
		return status == ArticleStatus.PUBLISHED && Objects.equals(validatedRevision, revision)
				&& (expiresOn == null || today.isBefore(expiresOn));
	}

	/** Much used but found unhelpful more often than helpful: someone should look at it again. */
	public boolean flaggedForReview(LocalDate today) {
		boolean poor = ticketLinks >= 5 && notHelpful > helpful;
		boolean unhelpful = notHelpful >= 5 && notHelpful > 2 * helpful;
		boolean reviewDueNow = reviewDue != null && !today.isBefore(reviewDue) && status == ArticleStatus.PUBLISHED;
		return poor || unhelpful || reviewDueNow;
	}

	Content content() {
		return new Content(title, problem, symptoms, cause, solution, keywords, systems(), audience, internalTier,
				reviewDue, expiresOn);
	}

	private void apply(Content c, Instant now) {
		title = c.title();
		problem = c.problem();
		symptoms = c.symptoms();
		cause = c.cause();
		solution = c.solution();
		keywords = c.keywords();
		audience = c.audience();
		internalTier = c.internalTier();
		reviewDue = c.reviewDue();
		expiresOn = c.expiresOn();
		systems.clear();
		// "every version" is kept as an empty string: a collection table keeps no null values
		c.systems().forEach((name, versions) -> systems.put(name, versions == null ? "" : versions));
		updatedAt = now;
	}

	private void requireNot(ArticleStatus s, String action) {
		if (status == s) {
			throw new RuleViolationException("status", "cannot " + action + " a " + s + " article");
		}
	}

	private static String required(String field, String value, int max) {
		String v = optional(field, value, max);
		if (v == null) {
			throw new InvalidFieldException(field, "required");
		}
		return v;
	}

	private static String optional(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new InvalidFieldException(field, "at most " + max + " characters");
		}
		return v;
	}

	public Long id() { return id; }
	public long version() { return version; }
	public long programId() { return programId; }
	public String number() { return number; }
	public String title() { return title; }
	public String problem() { return problem; }
	public String symptoms() { return symptoms; }
	public String cause() { return cause; }
	public String solution() { return solution; }
	public String keywords() { return keywords; }
	public Audience audience() { return audience; }
	public Integer internalTier() { return internalTier; }
	public ArticleStatus status() { return status; }
	public int revision() { return revision; }
	public LocalDate reviewDue() { return reviewDue; }
	public LocalDate expiresOn() { return expiresOn; }
	public long authorId() { return authorId; }
	public Long validatedBy() { return validatedBy; }
	public Instant validatedAt() { return validatedAt; }
	public Integer validatedRevision() { return validatedRevision; }
	public Instant publishedAt() { return publishedAt; }
	public Long sourceTicketId() { return sourceTicketId; }
	public int helpful() { return helpful; }
	public int notHelpful() { return notHelpful; }
	public int ticketLinks() { return ticketLinks; }
	public Instant createdAt() { return createdAt; }
	public Instant updatedAt() { return updatedAt; }
	public Map<String, String> systems() {
		Map<String, String> out = new LinkedHashMap<>();
		systems.forEach((name, versions) -> out.put(name, versions == null || versions.isEmpty() ? null : versions));
		return java.util.Collections.unmodifiableMap(out);
	}
}
