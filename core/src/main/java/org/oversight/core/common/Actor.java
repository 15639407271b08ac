package org.oversight.core.common;

import java.util.function.Supplier;

/**
 * Who makes the current change. The API sets it per request from the signed-in account;
 * jobs run as {@code system}, the demo loader as {@code demo}.
 */
public final class Actor {

	public static final String SYSTEM = "system";

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private Actor() {
	}

	public static String current() {
		String name = CURRENT.get();
		return (name != null) ? name : SYSTEM;
	}

	public static <T> T as(String name, Supplier<T> work) {
		String previous = CURRENT.get();
		CURRENT.set(name);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

}
