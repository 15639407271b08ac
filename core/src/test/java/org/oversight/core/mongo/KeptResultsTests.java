package org.oversight.core.mongo;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept result is answered while the stamp of its collections is the one read before it
 * was computed, for its lifetime at most, and for the most recently used keys only.
 */
class KeptResultsTests {

	final WriteEpochs epochs = new WriteEpochs();

	final AtomicLong nanos = new AtomicLong();

	final AtomicInteger computed = new AtomicInteger();

	KeptResults<String, String> kept(int capacity) {
		return new KeptResults<>(this.epochs, List.of("talks"), capacity, Duration.ofMinutes(10), this.nanos::get);
	}

	String compute(String key) {
		return key + "#" + this.computed.incrementAndGet();
	}

	@Test
	void keptUntilItsCollectionIsWritten() {
		KeptResults<String, String> kept = kept(8);
		String first = kept.get("a", () -> compute("a"));
		assertThat(kept.get("a", () -> compute("a"))).isSameAs(first);
		this.epochs.written(List.of("cadres"));
		assertThat(kept.get("a", () -> compute("a"))).as("another collection written").isSameAs(first);
		this.epochs.written(List.of("talks"));
		String second = kept.get("a", () -> compute("a"));
		assertThat(second).isEqualTo("a#2");
		assertThat(kept.get("a", () -> compute("a"))).isSameAs(second);
	}

	@Test
	void keptForItsLifetimeAtMost() {
		KeptResults<String, String> kept = kept(8);
		String first = kept.get("a", () -> compute("a"));
		this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
		assertThat(kept.get("a", () -> compute("a"))).isSameAs(first);
		this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		assertThat(kept.get("a", () -> compute("a"))).isEqualTo("a#2");
	}

	@Test
	void theLeastRecentlyUsedGoFirstAndNoneAreKeptWithoutCapacity() {
		KeptResults<String, String> kept = kept(2);
		kept.get("a", () -> compute("a"));
		kept.get("b", () -> compute("b"));
		kept.get("a", () -> compute("a"));
		kept.get("c", () -> compute("c"));
		assertThat(kept.size()).isEqualTo(2);
		assertThat(kept.get("a", () -> compute("a"))).isEqualTo("a#1");
		assertThat(kept.get("b", () -> compute("b"))).isEqualTo("b#4");

		KeptResults<String, String> none = kept(0);
		none.get("a", () -> compute("a"));
		assertThat(none.get("a", () -> compute("a"))).isEqualTo("a#6");
		assertThat(none.size()).isZero();
	}

	@Test
	void aResultComputedWhileItsCollectionIsWrittenIsNotKeptAsCurrent() {
		KeptResults<String, String> kept = kept(8);
		// the write lands while the result is computed: it may or may not have been read
		String raced = kept.get("a", () -> {
			this.epochs.written(List.of("talks"));
			return compute("a");
		});
		assertThat(kept.get("a", () -> compute("a"))).isNotSameAs(raced).isEqualTo("a#2");
	}

}
