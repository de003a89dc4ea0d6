package org.tierdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A file attached to a ticket. The bytes live in the attachment store; this row describes them. */
@Entity
@Table(name = "ticket_attachment")
public class Attachment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_child_seq")
	@SequenceGenerator(name = "ticket_child_seq", sequenceName = "ticket_child_seq", allocationSize = 50)
	private Long id;

	private long ticketId;

	@Enumerated(EnumType.STRING)
	private EntryVisibility visibility;

	private Long assignmentId;

	private String fileName;

	private String contentType;

	private long sizeBytes;

	private String sha256;

	private String storageKey;

	private long uploadedBy;

	private Instant uploadedAt;

	protected Attachment() {
	}

	Attachment(long ticketId, EntryVisibility visibility, Long assignmentId, String fileName, String contentType,
			long sizeBytes, String sha256, String storageKey, long uploadedBy, Instant uploadedAt) {
		this.ticketId = ticketId;
		this.visibility = visibility;
		this.assignmentId = assignmentId;
		this.fileName = fileName;
		this.contentType = contentType;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.storageKey = storageKey;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
	}

	public Long id() {
		return id;
	}

	public long ticketId() {
		return ticketId;
	}

	public EntryVisibility visibility() {
		return visibility;
	}

	public Long assignmentId() {
		return assignmentId;
	}

	public String fileName() {
		return fileName;
	}

	public String contentType() {
		return contentType;
	}

	public long sizeBytes() {
		return sizeBytes;
	}

	public String sha256() {
		return sha256;
	}

	String storageKey() {
		return storageKey;
	}

	public long uploadedBy() {
		return uploadedBy;
	}

	public Instant uploadedAt() {
		return uploadedAt;
	}
}
