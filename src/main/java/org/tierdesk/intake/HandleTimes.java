package org.tierdesk.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * How long the desk spends on a live contact, for staffing: logged phone calls with their duration, and chats from
 * the moment an agent picked them up to their end.
 */
@Service
@Transactional(readOnly = true)
public class HandleTimes {

	/** Contacts handled in a period and their average handle time (0 when there were none). */
	public record HandleTime(long calls, long chats, double averageSeconds) {

		public long contacts() {
			return calls + chats;
		}
	}

	private final EntityManager entityManager;

	HandleTimes(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	public HandleTime of(long programId, Instant from, Instant to) {
		Object[] calls = entityManager.createQuery("select count(c), coalesce(sum(c.durationSeconds), 0) from PhoneCall c "
				+ "where c.programId = :p and c.startedAt >= :from and c.startedAt < :to and c.durationSeconds is not null",
				Object[].class)
			.setParameter("p", programId).setParameter("from", from).setParameter("to", to).getSingleResult();
		List<Object[]> chats = entityManager.createQuery("select c.pickedAt, c.endedAt from Chat c where c.programId = :p "
				+ "and c.startedAt >= :from and c.startedAt < :to and c.pickedAt is not null and c.endedAt is not null",
				Object[].class)
			.setParameter("p", programId).setParameter("from", from).setParameter("to", to).getResultList();
		long callCount = ((Number) calls[0]).longValue();
		double seconds = ((Number) calls[1]).doubleValue();
		for (Object[] chat : chats) {
			seconds += Math.max(0, Duration.between((Instant) chat[0], (Instant) chat[1]).toSeconds());
		}
		long contacts = callCount + chats.size();
		return new HandleTime(callCount, chats.size(), contacts == 0 ? 0 : seconds / contacts);
	}
}
