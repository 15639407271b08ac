package org.oversight.core.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Fictional Chinese names of people and places, drawn from the generator's one
 * {@link Random}. The sets only answer "seen already?", they are never iterated, so the
 * names depend on the seed alone.
 */
final class DemoNames {

	private final Random random;

	private final Set<String> people = new HashSet<>();

	DemoNames(Random random) {
		this.random = random;
	}

	/** A person's name, unique among the names drawn so far while that is easy. */
	String person() {
		String name = null;
		for (int attempt = 0; attempt < 30; attempt++) {
			String surnames = DemoTexts.SURNAMES;
			int index = (int) (surnames.length() * Math.pow(this.random.nextDouble(), 1.8));
			StringBuilder builder = new StringBuilder().append(surnames.charAt(index));
			builder.append(given());
			if (this.random.nextDouble() < 0.7) {
				builder.append(given());
			}
			name = builder.toString();
			if (this.people.add(name)) {
				return name;
			}
		}
		return name;
	}

	private char given() {
		return DemoTexts.GIVEN.charAt(this.random.nextInt(DemoTexts.GIVEN.length()));
	}

	/**
	 * A two-syllable place stem ("青州", "桃源") not in {@code taken}, which it joins.
	 * {@code avoid} (the parent's stem) is never returned either.
	 */
	String placeStem(Set<String> taken, String avoid) {
		for (int attempt = 0; attempt < 200; attempt++) {
			char first = DemoTexts.PLACE_FIRST.charAt(this.random.nextInt(DemoTexts.PLACE_FIRST.length()));
			char second = DemoTexts.PLACE_SECOND.charAt(this.random.nextInt(DemoTexts.PLACE_SECOND.length()));
			if (first == second) {
				continue;
			}
			String stem = "" + first + second;
			if (!stem.equals(avoid) && taken.add(stem)) {
				return stem;
			}
		}
		for (int n = 2;; n++) {
			String stem = DemoTexts.PLACE_FIRST.charAt(n % DemoTexts.PLACE_FIRST.length()) + "新"
					+ DemoTexts.ORDINALS.get(n % DemoTexts.ORDINALS.size()) + n;
			if (taken.add(stem)) {
				return stem;
			}
		}
	}

}
