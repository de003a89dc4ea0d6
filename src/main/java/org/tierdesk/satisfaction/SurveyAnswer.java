package org.tierdesk.satisfaction;

import org.tierdesk.system.InvalidFieldException;

/** A requester's answer: a score of 1 (very dissatisfied) to 5 (very satisfied) and an optional comment. */
record SurveyAnswer(int score, String comment) {

	static final int MAX_COMMENT = 2000;

	static SurveyAnswer of(Integer score, String comment) {
		if (score == null) {
			throw new InvalidFieldException("score", "choose how satisfied you are, from 1 to 5");
		}
		if (score < 1 || score > 5) {
			throw new InvalidFieldException("score", "the score is from 1 to 5, not " + score);
		}
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > MAX_COMMENT) {
			throw new InvalidFieldException("comment", "the comment is at most " + MAX_COMMENT + " characters, not "
					+ text.length());
		}
		return new SurveyAnswer(score, text);
	}
}
