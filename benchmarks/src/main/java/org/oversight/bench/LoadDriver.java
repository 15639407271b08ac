package org.oversight.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one kind of request at a fixed concurrency: {@code clients} threads, each sending
 * its next request as soon as the previous one answered (a closed loop), first for the
 * warm-up, then for the measured window. Latencies are those of the requests started in
 * the window (the ones still running at its end are waited for); throughput is the number
 * of those requests over the window.
 */
final class LoadDriver {

	/** One request; {@code iteration} picks the target (round robin). */
	interface Request {

		void run(int iteration) throws Exception;

	}

	/**
	 * What one measured window gave.
	 *
	 * @param name the request
	 * @param clients concurrent clients
	 * @param count requests started in the window
	 * @param errors those that failed
	 * @param seconds the window
	 * @param p50 median latency, ms
	 * @param p90 90th percentile, ms
	 * @param p99 99th percentile, ms
	 * @param max slowest, ms
	 * @param mean mean, ms
	 * @param firstError the first failure's message, if any
	 */
	record Result(String name, int clients, int count, int errors, double seconds, double p50, double p90, double p99,
			double max, double mean, String firstError) {

		double throughput() {
			return this.count / this.seconds;
		}

		@Override
		public String toString() {
			return String.format(java.util.Locale.ROOT,
					"%s: %d clients, %d requests (%d errors) in %.0f s = %.1f/s; p50 %.1f ms, p90 %.1f, p99 %.1f, max %.1f, mean %.1f%s",
					this.name, this.clients, this.count, this.errors, this.seconds, throughput(), this.p50, this.p90,
					this.p99, this.max, this.mean,
					(this.firstError != null) ? " — first error: " + this.firstError : "");
		}

	}

	static Result run(String name, int clients, Duration warmup, Duration measure, Request request) {
		AtomicInteger iteration = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		long start = System.nanoTime();
		long windowStart = start + warmup.toNanos();
		long windowEnd = windowStart + measure.toNanos();
		List<long[]> perThread = new ArrayList<>();
		List<AtomicInteger> sizes = new ArrayList<>();
		AtomicLong completed = new AtomicLong();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			long[] latencies = new long[1 << 16];
			AtomicInteger size = new AtomicInteger();
			perThread.add(latencies);
			sizes.add(size);
			Thread thread = new Thread(() -> {
				while (true) {
					long begin = System.nanoTime();
					if (begin >= windowEnd) {
						return;
					}
					boolean measured = begin >= windowStart;
					try {
						request.run(iteration.getAndIncrement());
					}
					catch (Exception ex) {
						if (measured) {
							errors.incrementAndGet();
						}
						firstError.compareAndSet(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
					}
					long took = System.nanoTime() - begin;
					if (measured && size.get() < latencies.length) {
						latencies[size.getAndIncrement()] = took;
						completed.incrementAndGet();
					}
				}
			}, "client-" + c);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		int total = (int) completed.get();
		long[] all = new long[total];
		int at = 0;
		for (int c = 0; c < clients; c++) {
			System.arraycopy(perThread.get(c), 0, all, at, sizes.get(c).get());
			at += sizes.get(c).get();
		}
		Arrays.sort(all);
		double mean = Arrays.stream(all).average().orElse(0) / 1e6;
		return new Result(name, clients, total, errors.get(), measure.toMillis() / 1000.0, percentile(all, 0.50),
				percentile(all, 0.90), percentile(all, 0.99), (total > 0) ? all[total - 1] / 1e6 : 0, mean,
				firstError.get());
	}

	/** Nearest-rank percentile, in milliseconds. */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

}
