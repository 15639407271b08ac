package org.oversight.api.transfer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of an enumeration as a spreadsheet spells them: the Chinese label (written
 * by exports and templates) or the English name, plus a few aliases.
 */
final class Choices<E extends Enum<E>> {

	private final Map<String, E> byText = new HashMap<>();

	private final Function<E, String> label;

	private final List<E> values;

	private Choices(Class<E> type, Function<E, String> label) {
		this.label = label;
		this.values = Arrays.asList(type.getEnumConstants());
		for (E value : this.values) {
			this.byText.put(key(value.name()), value);
			this.byText.put(key(label.apply(value)), value);
		}
	}

	static <E extends Enum<E>> Choices<E> of(Class<E> type, Function<E, String> label) {
		return new Choices<>(type, label);
	}

	Choices<E> alias(String text, E value) {
		this.byText.put(key(text), value);
		return this;
	}

	/** The value the text names, or null. */
	E parse(String text) {
		return this.byText.get(key(text));
	}

	String label(E value) {
		return (value != null) ? this.label.apply(value) : null;
	}

	List<String> labels() {
		return this.values.stream().map(this.label).toList();
	}

	private static String key(String text) {
		return text.strip().replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
	}

}
