package org.oversight.api.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the read commands the server sends to the database, by command and collection
 * (the live feed's own polling of {@code rectification_steps} left out).
 */
public class CommandCounter implements CommandListener {

	private static final List<String> READS = List.of("find", "aggregate", "count", "distinct", "getMore");

	private final AtomicInteger total = new AtomicInteger();

	private final Map<String, AtomicInteger> byCommand = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> idsAsked = new ConcurrentHashMap<>();

	@Override
	public void commandStarted(CommandStartedEvent event) {
		String name = event.getCommandName();
		// the live feed polls in the background on its own thread: not the request's
		if (!READS.contains(name) || Thread.currentThread().getName().equals("overdue-feed")) {
			return;
		}
		org.bson.BsonValue collection = event.getCommand().get(name);
		String target = (collection != null && collection.isString()) ? collection.asString().getValue() : "?";
		if (target.equals("rectification_steps")) {
			return;
		}
		this.total.incrementAndGet();
		this.byCommand.computeIfAbsent(name + " " + target, (k) -> new AtomicInteger()).incrementAndGet();
		org.bson.BsonDocument filter = event.getCommand().getDocument("filter", new org.bson.BsonDocument());
		org.bson.BsonValue id = filter.get("_id");
		int ids = (id == null) ? 0
				: (id.isDocument() && id.asDocument().containsKey("$in")) ? id.asDocument().getArray("$in").size() : 1;
		this.idsAsked.computeIfAbsent(target, (k) -> new AtomicInteger()).addAndGet(ids);
	}

	public void reset() {
		this.total.set(0);
		this.byCommand.clear();
		this.idsAsked.clear();
	}

	/**
	 * How many ids the reads by {@code _id} of a collection asked for since the reset.
	 */
	public int idsAsked(String collection) {
		AtomicInteger ids = this.idsAsked.get(collection);
		return (ids != null) ? ids.get() : 0;
	}

	public int total() {
		return this.total.get();
	}

	public Map<String, AtomicInteger> byCommand() {
		return Map.copyOf(this.byCommand);
	}

	/** Registers the counter on the server's MongoDB client. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Registration {

		@Bean
		CommandCounter commandCounter() {
			return new CommandCounter();
		}

		@Bean
		MongoClientSettingsBuilderCustomizer countCommands(CommandCounter counter) {
			return (settings) -> settings.addCommandListener(counter);
		}

	}

}
