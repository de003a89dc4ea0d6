package org.tierdesk.ticket;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param numberPrefix           the prefix of human ticket numbers ({@code TD} gives {@code TD-000123})
 * @param attachmentMaxBytes     the largest attachment accepted
 * @param priorityMatrix         impact -> urgency -> priority; the standard ITIL matrix when not set
 * @param autoCloseSweepInterval how often resolutions past their auto-close time are closed
 * @param dataDir                where attachments are stored (under {@code attachments/})
 */
@ConfigurationProperties("tierdesk.ticket")
public record TicketProperties(String numberPrefix, DataSize attachmentMaxBytes,
		Map<Impact, Map<Urgency, Priority>> priorityMatrix, Duration autoCloseSweepInterval) {

	public TicketProperties {
		numberPrefix = numberPrefix == null ? "TD" : numberPrefix;
		attachmentMaxBytes = attachmentMaxBytes == null ? DataSize.ofMegabytes(10) : attachmentMaxBytes;
		autoCloseSweepInterval = autoCloseSweepInterval == null ? Duration.ofMinutes(5) : autoCloseSweepInterval;
	}

	PriorityMatrix matrix() {
		return priorityMatrix == null || priorityMatrix.isEmpty() ? PriorityMatrix.standard()
				: new PriorityMatrix(priorityMatrix);
	}
}
