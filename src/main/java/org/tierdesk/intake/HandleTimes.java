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

	/** Chats started in a period: how many, how many an agent picked up, and how many within the answer target. */
	public record ChatAnswering(long chats, long answered, long answeredWithinTarget, int targetSeconds) {

		/** The share of chats answered within the target (null when there were no chats). */
		public Double withinTargetShare() {
			return chats == 0 ? null : Math.round(answeredWithinTarget * 10_000.0 / chats) / 10_000.0;
		}
	}

	public ChatAnswering chatAnswering(long programId, Instant from, Instant to, int targetSeconds) {
		List<Object[]> chats = entityManager.createQuery("select c.startedAt, c.pickedAt from Chat c where c.programId = :p "
				+ "and c.startedAt >= :from and c.startedAt < :to", Object[].class)
			.setParameter("p", programId).setParameter("from", from).setParameter("to", to).getResultList();
		long answered = 0;
		long within = 0;
		for (Object[] c : chats) {
			if (c[1] != null) {
				answered++;
				if (Duration.between((Instant) c[0], (Instant) c[1]).toSeconds() <= targetSeconds) {
					within++;
				}
			}
		}
		return new ChatAnswering(chats.size(), answered, within, targetSeconds);
	}

	/** One agent's live contacts in a period: calls logged, chats handled, and their average handle time. */
	public record AgentContacts(long agentId, long calls, long chats, double averageSeconds) {
	}

	public List<AgentContacts> byAgent(long programId, Instant from, Instant to) {
		java.util.Map<Long, double[]> byAgent = new java.util.TreeMap<>();
		for (Object[] c : entityManager.createQuery("select c.agentId, count(c), coalesce(sum(c.durationSeconds), 0) "
				+ "from PhoneCall c where c.programId = :p and c.startedAt >= :from and c.startedAt < :to "
				+ "and c.durationSeconds is not null and c.agentId is not null group by c.agentId", Object[].class)
			.setParameter("p", programId).setParameter("from", from).setParameter("to", to).getResultList()) {
			double[] a = byAgent.computeIfAbsent((Long) c[0], k -> new double[3]);
			a[0] += ((Number) c[1]).doubleValue();
			a[2] += ((Number) c[2]).doubleValue();
		}
		for (Object[] c : entityManager.createQuery("select c.agentId, c.pickedAt, c.endedAt from Chat c "
				+ "where c.programId = :p and c.startedAt >= :from and c.startedAt < :to and c.agentId is not null "
				+ "and c.pickedAt is not null and c.endedAt is not null", Object[].class)
			.setParameter("p", programId).setParameter("from", from).setParameter("to", to).getResultList()) {
			double[] a = byAgent.computeIfAbsent((Long) c[0], k -> new double[3]);
			a[1]++;
			a[2] += Math.max(0, Duration.between((Instant) c[1], (Instant) c[2]).toSeconds());
		}
		return byAgent.entrySet().stream().map(e -> {
			double[] a = e.getValue();
			double contacts = a[0] + a[1];
			return new AgentContacts(e.getKey(), (long) a[0], (long) a[1], contacts == 0 ? 0 : a[2] / contacts);
		}).toList();
	}
}
