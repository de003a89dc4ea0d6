package org.tierdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tierdesk.system.InvalidFieldException;
import org.tierdesk.system.RuleViolationException;
import org.tierdesk.system.StaleVersionException;
import org.tierdesk.ticket.Ticket.EscalationTarget;

class TicketTests {

	static final long REQUESTER = 10;

	static final long AGENT = 20;

	static final long SPECIALIST = 30;

	static final long VENDOR_PERSON = 40;

	static final long TIER1_GROUP = 1;

	static final long TIER2_GROUP = 2;

	static final long TIER3_GROUP = 3;

	static final long VENDOR_GROUP = 4;

	final Instant t0 = Instant.parse("2026-11-23T09:00:00Z");

	Ticket ticket() {
		return Ticket.open(new Ticket.Opening("TD-000001", 7, TicketKind.INCIDENT, Channel.PHONE, REQUESTER, "Org",
				"Printer on fire", "Smoke from the shop printer", null, null, Impact.HIGH, Urgency.MEDIUM,
				Priority.HIGH, TIER1_GROUP, null), AGENT, t0);
	}

	Ticket taken() {
		Ticket t = ticket();
		t.take(AGENT, null, t0.plusSeconds(60));
		return t;
	}

	@Test
	void opensAsNewHeldByTheTierOneGroupWithItsDescriptionAsFirstPublicEntry() {
		Ticket t = ticket();
		assertThat(t.status()).isEqualTo(TicketStatus.NEW);
		assertThat(t.ownerId()).isNull();
		assertThat(t.ownerGroupId()).isEqualTo(TIER1_GROUP);
		assertThat(t.tier()).isEqualTo(1);
		assertThat(t.entries()).singleElement().satisfies(e -> {
			assertThat(e.visibility()).isEqualTo(EntryVisibility.PUBLIC);
			assertThat(e.channel()).isEqualTo(Channel.PHONE);
			assertThat(e.body()).isEqualTo("Smoke from the shop printer");
		});
		assertThat(t.history()).extracting(HistoryRecord::action).containsExactly("OPENED");
	}

	@Test
	void rejectsATicketWithoutSubject() {
		assertThatThrownBy(() -> Ticket.open(new Ticket.Opening("TD-1", 7, TicketKind.INCIDENT, Channel.WEB,
				REQUESTER, null, " ", "text", null, null, Impact.LOW, Urgency.LOW, Priority.PLANNING, null, null), AGENT, t0))
			.isInstanceOf(InvalidFieldException.class)
			.extracting("field").isEqualTo("subject");
	}

	@Test
	void takingMovesNewToOpenAndRecordsTheOwner() {
		Ticket t = taken();
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(t.ownerId()).isEqualTo(AGENT);
		assertThat(t.history()).extracting(HistoryRecord::action).containsExactly("OPENED", "TAKEN", "STATUS_CHANGED");
		assertThat(t.takeEvents()).hasAtLeastOneElementOfType(TicketTaken.class)
			.hasAtLeastOneElementOfType(TicketStatusChanged.class);
	}

	@Test
	void keepsTheOwnerWhileWorkIsEscalatedThroughEveryTier() {
		Ticket t = taken();
		Assignment toTier2 = t.escalate(new EscalationTarget(TIER2_GROUP, 2, SPECIALIST), "needs a specialist", AGENT,
				t0.plusSeconds(120));
		assertThat(t.tier()).isEqualTo(2);
		assertThat(t.ownerId()).isEqualTo(AGENT);
		t.escalate(new EscalationTarget(TIER3_GROUP, 3, null), "needs engineering", SPECIALIST, t0.plusSeconds(180));
		assertThat(toTier2.status()).isEqualTo(AssignmentStatus.HANDED_ON);
		assertThat(t.tier()).isEqualTo(3);
		assertThat(t.ownerId()).isEqualTo(AGENT);
		assertThat(t.assignments()).hasSize(2);
		assertThat(t.activeAssignment()).get().extracting(Assignment::groupId).isEqualTo(TIER3_GROUP);
		assertThat(t.activeAssignment().get().fromTier()).isEqualTo(2);
	}

	@Test
	void escalationNeedsAReason() {
		Ticket t = taken();
		assertThatThrownBy(() -> t.escalate(new EscalationTarget(TIER2_GROUP, 2, null), "  ", AGENT, t0))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("reason");
	}

	@Test
	void workIsNeverEscalatedToTierOne() {
		Ticket t = taken();
		assertThatThrownBy(() -> t.escalate(new EscalationTarget(TIER1_GROUP, 1, null), "why", AGENT, t0))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("tier");
	}

	@Test
	void sendingWorkToAVendorWaitsOnTheVendorAndReturningResumes() {
		Ticket t = taken();
		Assignment vendor = t.escalate(new EscalationTarget(VENDOR_GROUP, 4, null), "warranty repair", AGENT,
				t0.plusSeconds(100));
		assertThat(t.status()).isEqualTo(TicketStatus.WAITING_ON_VENDOR);
		t.returnAssignment(vendor, "Card replaced", VENDOR_PERSON, t0.plusSeconds(200));
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(t.tier()).isEqualTo(1);
		assertThat(vendor.status()).isEqualTo(AssignmentStatus.RETURNED);
		assertThat(vendor.findings()).isEqualTo("Card replaced");
		assertThat(vendor.endedAt()).isEqualTo(t0.plusSeconds(200));
		assertThat(t.entries()).last().satisfies(e -> {
			assertThat(e.visibility()).isEqualTo(EntryVisibility.INTERNAL);
			assertThat(e.body()).contains("Card replaced");
		});
	}

	@Test
	void returningWorkNeedsFindings() {
		Ticket t = taken();
		Assignment a = t.escalate(new EscalationTarget(TIER2_GROUP, 2, null), "help", AGENT, t0);
		assertThatThrownBy(() -> t.returnAssignment(a, "", SPECIALIST, t0))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("findings");
	}

	@Test
	void ownerCannotResolveWhileAnotherTierHoldsTheWork() {
		Ticket t = taken();
		t.escalate(new EscalationTarget(TIER2_GROUP, 2, null), "help", AGENT, t0);
		assertThatThrownBy(() -> t.resolve(new Resolution(ResolutionCode.SOLVED, "fixed", null, null), AGENT,
				Duration.ofDays(5), t0)).isInstanceOf(RuleViolationException.class).hasMessageContaining("returned");
	}

	@Test
	void aNewTicketMustBeTakenBeforeItIsResolved() {
		Ticket t = ticket();
		assertThatThrownBy(() -> t.resolve(new Resolution(ResolutionCode.SOLVED, "fixed", null, null), AGENT,
				Duration.ofDays(5), t0)).isInstanceOf(RuleViolationException.class);
	}

	@Test
	void rejectsResolutionWithoutSolution() {
		assertThatThrownBy(() -> new Resolution(ResolutionCode.SOLVED, " ", null, null))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("solution");
	}

	@Test
	void aFixActionNamesTheCorrectedReleaseAndItsDate() {
		assertThatThrownBy(() -> new Resolution(ResolutionCode.FIX_ACTION, "patched", "4.3", null))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("fixReleaseDate");
		assertThatThrownBy(() -> new Resolution(ResolutionCode.FIX_ACTION, "patched", null, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("fixRelease");
	}

	@Test
	void customerAcceptanceClosesTheTicket() {
		Ticket t = taken();
		t.resolve(new Resolution(ResolutionCode.SOLVED, "Replaced toner", null, null), AGENT, Duration.ofDays(5),
				t0.plusSeconds(300));
		assertThat(t.autoCloseAt()).isEqualTo(t0.plusSeconds(300).plus(Duration.ofDays(5)));
		t.accept(REQUESTER, "thanks", t0.plusSeconds(400));
		assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(t.closedAt()).isEqualTo(t0.plusSeconds(400));
		assertThat(t.resolution()).get().extracting(Resolution::solution).isEqualTo("Replaced toner");
	}

	@Test
	void rejectionReopensWithTheSameOwnerAndCountsTheReopen() {
		Ticket t = taken();
		t.resolve(new Resolution(ResolutionCode.WORKAROUND, "Restart it", null, null), AGENT, Duration.ofDays(5), t0);
		t.reject(REQUESTER, "Still broken", t0.plusSeconds(10));
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(t.ownerId()).isEqualTo(AGENT);
		assertThat(t.reopenCount()).isEqualTo(1);
		assertThat(t.resolution()).isEmpty();
		assertThat(t.autoCloseAt()).isNull();
	}

	@Test
	void rejectionNeedsAReason() {
		Ticket t = taken();
		t.resolve(new Resolution(ResolutionCode.SOLVED, "done", null, null), AGENT, Duration.ofDays(5), t0);
		assertThatThrownBy(() -> t.reject(REQUESTER, null, t0)).isInstanceOf(InvalidFieldException.class);
	}

	@Test
	void anUnansweredResolutionClosesItselfOnlyOnceItsTimeIsUp() {
		Ticket t = taken();
		t.resolve(new Resolution(ResolutionCode.SOLVED, "done", null, null), AGENT, Duration.ofDays(5), t0);
		assertThat(t.closeIfUnanswered(0, t0.plus(Duration.ofDays(5)).minusSeconds(1))).isFalse();
		assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
		assertThat(t.closeIfUnanswered(0, t0.plus(Duration.ofDays(5)))).isTrue();
		assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
		assertThat(t.takeEvents()).filteredOn(TicketClosed.class::isInstance)
			.singleElement().extracting("automatically").isEqualTo(true);
	}

	@Test
	void aReplyFromTheRequesterEndsWaitingOnTheCustomer() {
		Ticket t = taken();
		t.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, "asked for logs", AGENT, t0);
		t.addEntry(EntryVisibility.PUBLIC, Channel.EMAIL, REQUESTER, null, "Logs attached", t0.plusSeconds(5));
		assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
	}

	@Test
	void aClosedTicketTakesNoMoreEntries() {
		Ticket t = taken();
		t.cancel("duplicate call", AGENT, t0);
		assertThatThrownBy(() -> t.addEntry(EntryVisibility.PUBLIC, Channel.WEB, REQUESTER, null, "hello", t0))
			.isInstanceOf(RuleViolationException.class);
	}

	@Test
	void cancellingWithdrawsTheActiveAssignment() {
		Ticket t = taken();
		Assignment a = t.escalate(new EscalationTarget(TIER2_GROUP, 2, null), "help", AGENT, t0);
		t.cancel("caller withdrew", AGENT, t0.plusSeconds(1));
		assertThat(a.status()).isEqualTo(AssignmentStatus.WITHDRAWN);
		assertThat(t.status()).isEqualTo(TicketStatus.CANCELLED);
	}

	@Test
	void hierarchicalEscalationFlagsAManagerWithoutMovingTheWork() {
		Ticket t = taken();
		t.flagToManagement(99L, "VIP customer, mission impact", AGENT, t0);
		assertThat(t.managementFlaggedAt()).isEqualTo(t0);
		assertThat(t.dutyManagerId()).isEqualTo(99L);
		assertThat(t.tier()).isEqualTo(1);
		assertThat(t.assignments()).isEmpty();
	}

	@Test
	void changingImpactRecomputesPriorityAndRecordsBothChanges() {
		Ticket t = taken();
		t.update(new TicketUpdate(null, null, Impact.LOW, Urgency.LOW, null), PriorityMatrix.standard(), "triage",
				AGENT, t0);
		assertThat(t.priority()).isEqualTo(Priority.PLANNING);
		assertThat(t.history()).filteredOn(h -> "FIELD_CHANGED".equals(h.action())).extracting(HistoryRecord::field)
			.containsExactly("impact", "urgency", "priority");
	}

	@Test
	void refusesAChangeMadeAgainstAnOlderVersion() {
		Ticket t = ticket();
		t.requireVersion(null);
		t.requireVersion(0L);
		assertThatThrownBy(() -> t.requireVersion(3L)).isInstanceOf(StaleVersionException.class);
	}
}
