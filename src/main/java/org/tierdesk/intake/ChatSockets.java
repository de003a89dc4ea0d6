package org.tierdesk.intake;

import java.security.Principal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.tierdesk.system.DeskPrincipal;

/**
 * STOMP over WebSocket at {@code /ws}, for live chat and the agents' screen pops. The handshake is an ordinary web
 * request (a signed-in session; same origin only). Then <strong>every frame is authorized</strong>, not only the
 * handshake: a SUBSCRIBE to {@code /topic/chat/{id}} only by that chat's customer or the desk staff of its program,
 * to {@code /topic/programs/{key}/chat-queue} only by the program's desk staff, to {@code /user/queue/...} (one's
 * own) by anyone signed in; a SEND only to the chat commands, which check the sender again. Anything else is refused
 * with an ERROR frame and never reaches a handler or the broker.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class ChatSockets implements WebSocketMessageBrokerConfigurer {

	private static final Pattern CHAT_TOPIC = Pattern.compile("/topic/chat/(\\d{1,18})");

	private static final Pattern QUEUE_TOPIC = Pattern.compile("/topic/programs/([A-Za-z0-9_-]{1,50})/chat-queue");

	private static final Pattern SENDS = Pattern.compile(
			"/app/chat\\.(start|leave-request)|/app/chat/\\d{1,18}/(say|pick|end)");

	private final Chats chats;

	ChatSockets(@Lazy Chats chats) {
		this.chats = chats;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		registry.addEndpoint("/ws");
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.enableSimpleBroker("/topic", "/queue");
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(new ChannelInterceptor() {
			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
				if (stomp == null || stomp.getCommand() == null) {
					return message;
				}
				authorize(stomp.getCommand(), stomp.getDestination(), principal(stomp.getUser()));
				return message;
			}
		});
	}

	static DeskPrincipal principal(Principal user) {
		if (user instanceof Authentication a && a.getPrincipal() instanceof DeskPrincipal p) {
			return p;
		}
		return null;
	}

	void authorize(StompCommand command, String destination, DeskPrincipal me) {
		switch (command) {
			case CONNECT, STOMP, DISCONNECT, UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT -> {
				if (me == null && command != StompCommand.DISCONNECT) {
					throw new MessageDeliveryException("sign in first");
				}
			}
			case SUBSCRIBE -> {
				if (me == null || destination == null || !maySubscribe(me, destination)) {
					throw new MessageDeliveryException("not allowed to subscribe to " + destination);
				}
			}
			case SEND -> {
				if (me == null || destination == null || !SENDS.matcher(destination).matches()) {
					throw new MessageDeliveryException("not allowed to send to " + destination);
				}
			}
			default -> throw new MessageDeliveryException("not allowed: " + command);
		}
	}

	private boolean maySubscribe(DeskPrincipal me, String destination) {
		if (destination.startsWith("/user/queue/") && !destination.contains("..")) {
			return true;
		}
		Matcher chat = CHAT_TOPIC.matcher(destination);
		if (chat.matches()) {
			return chats.mayFollow(me, Long.parseLong(chat.group(1)));
		}
		Matcher queue = QUEUE_TOPIC.matcher(destination);
		if (queue.matches()) {
			return chats.mayWatchQueue(me, queue.group(1));
		}
		return false;
	}
}
