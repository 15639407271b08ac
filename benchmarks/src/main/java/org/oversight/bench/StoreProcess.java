package org.oversight.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.oversight.core.common.OversightProperties.EmbeddedBackend;
import org.oversight.core.mongo.EmbeddedMongoServer;

/**
 * The embedded server (the same mongo-java-server and backend Oversight embeds) in a JVM
 * of its own, so the server's heap and the store's are measured apart
 * ({@code -Dbench.store=separate}). The child answers {@code heap} on its standard input
 * with its heap after a GC.
 */
final class StoreProcess implements AutoCloseable {

	private final Process process;

	/** The child's answers; a thread drains its output so its logging never blocks it. */
	private final java.util.concurrent.BlockingQueue<String> answers = new java.util.concurrent.LinkedBlockingQueue<>();

	private final PrintWriter in;

	final String uri;

	private StoreProcess(Process process) throws IOException {
		this.process = process;
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		Thread drain = new Thread(() -> {
			try {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.startsWith("PORT ") || line.startsWith("HEAP ")) {
						this.answers.add(line);
					}
				}
			}
			catch (IOException ex) {
				// the child ended
			}
			this.answers.add("END");
		}, "store-output");
		drain.setDaemon(true);
		drain.start();
		this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
		String line = answer("PORT ");
		this.uri = "mongodb://127.0.0.1:" + line.substring(5).strip() + "/oversight";
	}

	static StoreProcess start(String backend, Path dataDir, String xmx, String jvmArgs) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + xmx);
		for (String arg : jvmArgs.strip().split("\\s+")) {
			if (!arg.isEmpty()) {
				command.add(arg);
			}
		}
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(StoreProcess.class.getName());
		command.add(backend);
		command.add(dataDir.toAbsolutePath().toString());
		return new StoreProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	/** The store's heap after a GC, in bytes. */
	long heap() throws IOException {
		this.in.println("heap");
		String line = answer("HEAP ");
		return Long.parseLong(line.substring(5).strip());
	}

	/** The child's next answer, which must start with the prefix. */
	private String answer(String prefix) throws IOException {
		try {
			String line = this.answers.poll(10, TimeUnit.MINUTES);
			if (line == null || !line.startsWith(prefix)) {
				throw new IllegalStateException("The store process answered " + line + " instead of " + prefix.strip());
			}
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	@Override
	public void close() throws Exception {
		this.in.println("stop");
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/** The child: {@code <memory|h2> <data dir>}. */
	public static void main(String[] args) throws IOException {
		// the server's own embedded store, as OversightMongoAutoConfiguration starts it
		EmbeddedMongoServer server = EmbeddedMongoServer
			.start(args[0].equals("memory") ? EmbeddedBackend.MEMORY : EmbeddedBackend.H2, Path.of(args[1]));
		System.out.println("PORT " + server.port());
		System.out.flush();
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		while ((line = commands.readLine()) != null && !line.equals("stop")) {
			if (line.equals("heap")) {
				System.out.println("HEAP " + BenchMain.Heap.afterGc());
				System.out.flush();
			}
		}
		server.destroy();
	}

}
