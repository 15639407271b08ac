package org.oversight.bench;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the database commands the server sends (reads and writes; not the cursor
 * continuations, the handshakes, nor the overdue feed's polling of
 * {@code rectification_steps}).
 */
final class CommandCounter implements CommandListener {

	private static final Set<String> IGNORED = Set.of("getMore", "hello", "isMaster", "ismaster", "ping", "buildInfo",
			"endSessions", "killCursors", "saslStart", "saslContinue");

	final AtomicInteger count = new AtomicInteger();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (IGNORED.contains(event.getCommandName()) || Thread.currentThread().getName().equals("overdue-feed")) {
			return;
		}
		org.bson.BsonValue target = event.getCommand().get(event.getCommandName());
		if (target != null && target.isString() && "rectification_steps".equals(target.asString().getValue())
				&& "find".equals(event.getCommandName())) {
			return;
		}
		this.count.incrementAndGet();
	}

}
