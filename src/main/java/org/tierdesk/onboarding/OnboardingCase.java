package org.tierdesk.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tierdesk.system.RuleViolationException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A program's request for the desk's services, and its way to activation. */
@Entity
@Table(name = "onboarding_case")
class OnboardingCase {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "onboarding_case_seq")
	@SequenceGenerator(name = "onboarding_case_seq", sequenceName = "onboarding_case_seq", allocationSize = 1)
	private Long id;

	@Version
	private long version;

	@Enumerated(EnumType.STRING)
	private CaseStatus status;

	private String organization;

	private String programName;

	private String contactName;

	private String contactEmail;

	private String contactPhone;

	private String message;

	private Instant receivedAt;

	private Instant answerDue;

	private Instant answeredAt;

	private Long answeredBy;

	private String answer;

	private String programKey;

	private Instant activatedAt;

	private Long activatedBy;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "onboarding_checklist", joinColumns = @JoinColumn(name = "case_id"))
	@OrderColumn(name = "position")
	private List<Point> checklist = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "onboarding_report_recipient", joinColumns = @JoinColumn(name = "case_id"))
	@Column(name = "email")
	@OrderColumn(name = "position")
	private List<String> reportRecipients = new ArrayList<>();

	/** One point of the checklist: settled or not, with what was agreed. */
	@Embeddable
	record Point(@Enumerated(EnumType.STRING) @Column(name = "item") ChecklistItem item, boolean settled,
			String note, Long settledBy, Instant settledAt) {
	}

	protected OnboardingCase() {
	}

	OnboardingCase(String organization, String programName, String contactName, String contactEmail,
			String contactPhone, String message, Instant receivedAt, Instant answerDue) {
		this.status = CaseStatus.REQUESTED;
		this.organization = organization;
		this.programName = programName;
		this.contactName = contactName;
		this.contactEmail = contactEmail;
		this.contactPhone = contactPhone;
		this.message = message;
		this.receivedAt = receivedAt;
		this.answerDue = answerDue;
		for (ChecklistItem item : ChecklistItem.values()) {
			checklist.add(new Point(item, false, null, null, null));
		}
	}

	void answer(String text, long by, Instant now) {
		requireOpen();
		this.answer = text;
		this.answeredBy = by;
		if (answeredAt == null) {
			this.answeredAt = now;
		}
		if (status == CaseStatus.REQUESTED) {
			status = CaseStatus.ANSWERED;
		}
	}

	void programOpened(String key, long by, Instant now) {
		requireOpen();
		if (programKey != null) {
			throw new RuleViolationException("key", "this case already opened program " + programKey);
		}
		this.programKey = key;
		if (answeredAt == null) {
			answeredAt = now;
			answeredBy = by;
		}
		status = CaseStatus.PROGRAM_OPENED;
	}

	/** Returns the point as it was. */
	Point settle(ChecklistItem item, boolean settled, String note, long by, Instant now) {
		requireOpen();
		for (int i = 0; i < checklist.size(); i++) {
			Point p = checklist.get(i);
			if (p.item() == item) {
				checklist.set(i, new Point(item, settled, note, by, now));
				return p;
			}
		}
		throw new IllegalStateException("no checklist point " + item);
	}

	List<ChecklistItem> unsettled() {
		return checklist.stream().filter(p -> !p.settled()).map(Point::item).toList();
	}

	void activate(List<String> recipients, long by, Instant now) {
		requireOpen();
		this.reportRecipients.clear();
		this.reportRecipients.addAll(recipients);
		this.activatedAt = now;
		this.activatedBy = by;
		this.status = CaseStatus.ACTIVATED;
	}

	void decline(String reason, long by, Instant now) {
		requireOpen();
		if (programKey != null) {
			throw new RuleViolationException("program " + programKey + " is already being set up");
		}
		answer(reason, by, now);
		status = CaseStatus.DECLINED;
	}

	private void requireOpen() {
		if (status == CaseStatus.ACTIVATED || status == CaseStatus.DECLINED) {
			throw new RuleViolationException("this onboarding case is " + status.name().toLowerCase());
		}
	}

	String reference() {
		return "ONB-" + id;
	}

	Long id() {
		return id;
	}

	CaseStatus status() {
		return status;
	}

	String organization() {
		return organization;
	}

	String programName() {
		return programName;
	}

	String contactName() {
		return contactName;
	}

	String contactEmail() {
		return contactEmail;
	}

	String contactPhone() {
		return contactPhone;
	}

	String message() {
		return message;
	}

	Instant receivedAt() {
		return receivedAt;
	}

	Instant answerDue() {
		return answerDue;
	}

	Instant answeredAt() {
		return answeredAt;
	}

	String answerText() {
		return answer;
	}

	Optional<String> programKey() {
		return Optional.ofNullable(programKey);
	}

	Instant activatedAt() {
		return activatedAt;
	}

	List<Point> checklist() {
		return List.copyOf(checklist);
	}

	List<String> reportRecipients() {
		return List.copyOf(reportRecipients);
	}
}
