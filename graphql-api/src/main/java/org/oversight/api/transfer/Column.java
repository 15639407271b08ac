package org.oversight.api.transfer;

import java.util.List;
import java.util.Locale;

/**
 * One column of an import or export sheet: matched by its Chinese header or its English
 * name (case, spaces, underscores and a trailing {@code *} ignored).
 *
 * @param name the English name, also accepted as a header
 * @param header the Chinese header written in templates and exports
 * @param required whether every row must fill it
 * @param exportOnly written by exports for reading, ignored by imports
 * @param note what it holds, in Chinese and English
 * @param allowed the values it accepts (Chinese labels; the English names work too), or
 * empty for free text
 */
record Column(String name, String header, boolean required, boolean exportOnly, Message note, List<String> allowed) {

	static Column required(String name, String header, String zh, String en) {
		return new Column(name, header, true, false, new Message(zh, en), List.of());
	}

	static Column optional(String name, String header, String zh, String en) {
		return new Column(name, header, false, false, new Message(zh, en), List.of());
	}

	static Column exportOnly(String name, String header, String zh, String en) {
		return new Column(name, header, false, true, new Message(zh, en), List.of());
	}

	Column allowing(List<String> values) {
		return new Column(this.name, this.header, this.required, this.exportOnly, this.note, List.copyOf(values));
	}

	boolean matches(String cell) {
		String given = normalize(cell);
		return given.equals(normalize(this.header)) || given.equals(normalize(this.name));
	}

	static String normalize(String header) {
		if (header == null) {
			return "";
		}
		String text = header.replace("\uFEFF", "").strip();
		while (text.endsWith("*") || text.endsWith("＊")) {
			text = text.substring(0, text.length() - 1).strip();
		}
		return text.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
	}

}
