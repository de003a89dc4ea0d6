package org.tierdesk.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A program's channel settings. A program without a row uses {@link #defaults(long)}. */
@Entity
@Table(name = "intake_settings")
class ChannelSettings {

	static final int DEFAULT_AUTO_REPLY_CAP = 5;

	@Id
	private Long programId;

	@Version
	private long version;

	@Enumerated(EnumType.STRING)
	private UnknownSenders unknownSenders;

	private String language;

	private String mailFrom;

	private int autoReplyCap;

	private String smsSecret;

	private String telephonySecret;

	private long updatedBy;

	private Instant updatedAt;

	protected ChannelSettings() {
	}

	ChannelSettings(long programId) {
		this.programId = programId;
		this.unknownSenders = UnknownSenders.CREATE_CUSTOMER;
		this.language = "en";
		this.autoReplyCap = DEFAULT_AUTO_REPLY_CAP;
	}

	static ChannelSettings defaults(long programId) {
		return new ChannelSettings(programId);
	}

	void change(UnknownSenders unknownSenders, String language, String mailFrom, int autoReplyCap, String smsSecret,
			long actorId, Instant now) {
		this.unknownSenders = unknownSenders;
		this.language = language;
		this.mailFrom = mailFrom;
		this.autoReplyCap = autoReplyCap;
		this.smsSecret = smsSecret;
		this.updatedBy = actorId;
		this.updatedAt = now;
	}

	long programId() {
		return programId;
	}

	long version() {
		return version;
	}

	UnknownSenders unknownSenders() {
		return unknownSenders;
	}

	String language() {
		return language;
	}

	String mailFrom() {
		return mailFrom;
	}

	int autoReplyCap() {
		return autoReplyCap;
	}

	String smsSecret() {
		return smsSecret;
	}

	String telephonySecret() {
		return telephonySecret;
	}

	void telephonySecret(String secret) {
		this.telephonySecret = secret;
	}
}
