package org.tierdesk.workspace.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tierdesk.intake.Chats;
import org.tierdesk.program.Program;
import org.tierdesk.program.Programs;
import org.tierdesk.system.DeskPage;
import org.tierdesk.system.DeskPrincipal;

/**
 * The agent's chat screen: the programs' waiting chats (refreshed when a queue changes) and the conversation once
 * picked up. The conversation itself runs over the desk's WebSocket ({@code /ws}), authorized frame by frame.
 */
@DeskPage
@Controller
class ChatPageController {

	private final Chats chats;

	private final Programs programs;

	ChatPageController(Chats chats, Programs programs) {
		this.chats = chats;
		this.programs = programs;
	}

	@GetMapping("/console/chats")
	String chats(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		ConsolePageController.requireStaff(me);
		model.addAttribute("me", me);
		waiting(me, model);
		return "console/chats";
	}

	@GetMapping("/console/chats/waiting")
	String waiting(@AuthenticationPrincipal DeskPrincipal me, Model model) {
		ConsolePageController.requireStaff(me);
		List<Program> mine = programs.staffedBy(me);
		List<Chats.ChatView> waiting = new ArrayList<>();
		mine.forEach(p -> waiting.addAll(chats.waiting(me, p.key())));
		model.addAttribute("queuePrograms", mine);
		model.addAttribute("waiting", waiting);
		return "console/chats :: waiting";
	}
}
