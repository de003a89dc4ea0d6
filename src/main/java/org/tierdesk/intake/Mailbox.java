package org.tierdesk.intake;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An IMAP mailbox a program's mail arrives in. {@code lastDoneUid} is how far it has been read <em>and</em> marked on
 * the server; everything above it is looked at again on the next poll (and found in the mail records if it was
 * already taken in).
 */
@Entity
@Table(name = "intake_mailbox")
class Mailbox {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	@Version
	private long version;

	private long programId;

	private String name;

	private String host;

	private int port;

	private boolean secure;

	private String username;

	private String password;

	private String folder;

	private String processedFolder;

	private boolean enabled;

	private Long uidValidity;

	private long lastDoneUid;

	private String leaseOwner;

	private Instant leaseUntil;

	private Instant lastPolledAt;

	private String lastError;

	protected Mailbox() {
	}

	Mailbox(long programId, String name) {
		this.programId = programId;
		this.name = name;
		this.folder = "INBOX";
		this.enabled = true;
	}

	void configure(String host, int port, boolean secure, String username, String password, String folder,
			String processedFolder, boolean enabled) {
		this.host = host;
		this.port = port;
		this.secure = secure;
		this.username = username;
		if (password != null) {
			this.password = password;
		}
		this.folder = folder == null || folder.isBlank() ? "INBOX" : folder;
		this.processedFolder = processedFolder == null || processedFolder.isBlank() ? null : processedFolder;
		this.enabled = enabled;
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	String name() {
		return name;
	}

	String host() {
		return host;
	}

	int port() {
		return port;
	}

	boolean secure() {
		return secure;
	}

	String username() {
		return username;
	}

	String password() {
		return password;
	}

	String folder() {
		return folder;
	}

	String processedFolder() {
		return processedFolder;
	}

	boolean enabled() {
		return enabled;
	}

	Long uidValidity() {
		return uidValidity;
	}

	long lastDoneUid() {
		return lastDoneUid;
	}

	String leaseOwner() {
		return leaseOwner;
	}

	Instant leaseUntil() {
		return leaseUntil;
	}

	Instant lastPolledAt() {
		return lastPolledAt;
	}

	String lastError() {
		return lastError;
	}
}
