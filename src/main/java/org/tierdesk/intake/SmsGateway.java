package org.tierdesk.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tierdesk.ticket.Channel;

/**
 * Sends SMS text. The embedded default only logs what it would send; a deployment provides its gateway (an
 * {@link OutboundGateway} bean for {@link Channel#SMS}) in place of it.
 */
@Configuration(proxyBeanMethods = false)
class SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

	@Bean
	@ConditionalOnMissingBean(name = "smsOutboundGateway")
	OutboundGateway loggingSmsGateway() {
		return new OutboundGateway() {
			@Override
			public Channel channel() {
				return Channel.SMS;
			}

			@Override
			public void send(Outbound message) {
				log.info("SMS to {} (no SMS gateway configured, logged only): {}", message.recipient(),
						message.body().length() > 160 ? message.body().substring(0, 160) + "…" : message.body());
			}
		};
	}
}
