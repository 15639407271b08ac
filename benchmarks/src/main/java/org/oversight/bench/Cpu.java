package org.oversight.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the machine's CPU during a window: this JVM (server, load driver and raw
 * driver alike) and everything else (other engineers' builds and tests), from
 * {@code /proc/stat} and the process CPU time.
 */
final class Cpu {

	private final long wall;

	private final long process;

	private final long busy;

	private final long total;

	private Cpu() {
		this.wall = System.nanoTime();
		this.process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		long[] jiffies = jiffies();
		this.busy = jiffies[0];
		this.total = jiffies[1];
	}

	static Cpu start() {
		return new Cpu();
	}

	/**
	 * CPU time this JVM used since start (server, embedded database and client alike),
	 * ms.
	 */
	long processMillis() {
		return (new Cpu().process - this.process) / 1_000_000;
	}

	/** "machine 97% busy: this JVM 80%, others 17%" for the time since start. */
	String since() {
		Cpu now = new Cpu();
		double cores = Runtime.getRuntime().availableProcessors();
		double ours = (now.process - this.process) / ((now.wall - this.wall) * cores) * 100;
		long totalDelta = now.total - this.total;
		double machine = (totalDelta > 0) ? (now.busy - this.busy) * 100.0 / totalDelta : 0;
		return String.format(Locale.ROOT, "CPU: machine %.0f%% busy, this JVM %.0f%%, others %.0f%%", machine, ours,
				Math.max(0, machine - ours));
	}

	/** {busy, total} jiffies of all cores. */
	private static long[] jiffies() {
		try {
			String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < fields.length; i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

}
