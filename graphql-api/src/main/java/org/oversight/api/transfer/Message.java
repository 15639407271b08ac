package org.oversight.api.transfer;

/** A text in Chinese and in English. */
record Message(String zh, String en) {

	static Message of(String zh, String en) {
		return new Message(zh, en);
	}

}
