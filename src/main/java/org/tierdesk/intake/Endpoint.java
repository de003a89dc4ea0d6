package org.tierdesk.intake;

import org.tierdesk.ticket.Channel;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An address (mail), number (SMS, phone) or name (formal messages) a program is reached on. */
@Entity
@Table(name = "intake_endpoint")
class Endpoint {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "intake_seq")
	@SequenceGenerator(name = "intake_seq", sequenceName = "intake_seq", allocationSize = 50)
	private Long id;

	private long programId;

	@Enumerated(EnumType.STRING)
	private Channel channel;

	private String address;

	protected Endpoint() {
	}

	Endpoint(long programId, Channel channel, String address) {
		this.programId = programId;
		this.channel = channel;
		this.address = address;
	}

	Long id() {
		return id;
	}

	long programId() {
		return programId;
	}

	Channel channel() {
		return channel;
	}

	String address() {
		return address;
	}
}
