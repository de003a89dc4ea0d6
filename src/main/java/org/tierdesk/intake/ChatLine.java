package org.tierdesk.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One thing said in a chat, or one change of its state, in order. */
@Entity
@Table(name = "intake_chat_line")
class ChatLine {

	enum Kind {
		/** a person said something */
		LINE,
		/** the chat changed: picked up, ended */
		STATE
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_chat_line_seq")
	@SequenceGenerator(name = "intake_chat_line_seq", sequenceName = "intake_chat_line_seq", allocationSize = 1)
	private Long id;

	private long chatId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private Long authorId;

	private String text;

	private Instant saidAt;

	protected ChatLine() {
	}

	ChatLine(long chatId, Kind kind, Long authorId, String text, Instant saidAt) {
		this.chatId = chatId;
		this.kind = kind;
		this.authorId = authorId;
		this.text = text;
		this.saidAt = saidAt;
	}

	Long id() {
		return id;
	}

	long chatId() {
		return chatId;
	}

	Kind kind() {
		return kind;
	}

	Long authorId() {
		return authorId;
	}

	String text() {
		return text;
	}

	Instant saidAt() {
		return saidAt;
	}
}
