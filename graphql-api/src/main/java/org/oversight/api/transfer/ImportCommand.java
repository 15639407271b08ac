package org.oversight.api.transfer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import org.oversight.api.viewer.Role;
import org.oversight.api.viewer.Viewer;
import org.oversight.core.common.DomainException;

/**
 * The import from the command line of the server jar:
 *
 * <pre>
 * java -jar oversight-server-exec.jar --oversight.import.kind=organizations --oversight.import.file=roster.xlsx [--oversight.import.mode=valid-only]
 * </pre>
 *
 * Present only when {@code oversight.import.file} is set; {@code OversightApplication}
 * then starts without the scheduler and the demo loader (its web server on a free
 * loopback port), runs this as the ADMIN actor {@value #ACTOR}, prints a summary and
 * every refused row, and exits: 0 when nothing was refused, 1 when rows or the file were
 * refused, 2 when the command itself is wrong (no such file, unknown kind or mode).
 */
@Component
@ConditionalOnProperty(name = ImportCommand.FILE)
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

	public static final String FILE = "oversight.import.file";

	public static final String KIND = "oversight.import.kind";

	public static final String MODE = "oversight.import.mode";

	static final String ACTOR = "import-cli";

	private final Importer importer;

	private final Environment environment;

	private PrintStream out = System.out;

	private int exitCode;

	ImportCommand(Importer importer, Environment environment) {
		this.importer = importer;
		this.environment = environment;
	}

	/**
	 * Whether the process was started to import (the property on the command line or in
	 * the environment).
	 */
	public static boolean requested(String[] args) {
		return Arrays.stream(args).anyMatch((arg) -> arg.startsWith("--" + FILE + "="))
				|| System.getProperty(FILE) != null || System.getenv("OVERSIGHT_IMPORT_FILE") != null;
	}

	/**
	 * The arguments for an import run: the web server on a free loopback port (the
	 * security and API beans need a web application; nothing should listen where a
	 * running server does), no scheduler, no demo data, unless the caller said otherwise.
	 */
	public static String[] arguments(String[] args) {
		List<String> all = new ArrayList<>(Arrays.asList(args));
		for (String setting : List.of("server.port=0", "server.address=127.0.0.1", "oversight.scheduler.enabled=false",
				"oversight.demo-loader.enabled=false")) {
			String name = setting.substring(0, setting.indexOf('='));
			if (all.stream().noneMatch((arg) -> arg.startsWith("--" + name + "="))) {
				all.add("--" + setting);
			}
		}
		return all.toArray(new String[0]);
	}

	void output(PrintStream out) {
		this.out = out;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.exitCode = run(this.environment.getProperty(KIND), this.environment.getProperty(FILE),
				this.environment.getProperty(MODE));
	}

	int run(String kindName, String fileName, String modeName) {
		TransferKind kind = TransferKind.parse(kindName);
		if (kind == null) {
			this.out.println("oversight.import.kind must be one of organizations, cadres, appointments, talks, "
					+ "findings, rectifications, roster; not " + kindName);
			return 2;
		}
		ImportMode mode;
		try {
			mode = ImportMode.parse(modeName);
		}
		catch (IllegalArgumentException ex) {
			this.out.println(ex.getMessage());
			return 2;
		}
		Path file = Path.of(fileName);
		if (!Files.isRegularFile(file)) {
			this.out.println("No such file: " + file.toAbsolutePath());
			return 2;
		}
		Viewer viewer = new Viewer(ACTOR, Set.of(Role.ADMIN), null, null);
		ImportResult result;
		try {
			result = this.importer.importFile(kind, file, ImportFormat.fromFileName(file.getFileName().toString()),
					viewer, mode);
		}
		catch (DomainException ex) {
			this.out.println(ex.getMessage());
			return 2;
		}
		this.out.printf("Import of %s from %s (%s): %d rows, %d created, %d updated, %d unchanged, %d refused%s%n",
				kind.value(), file, mode.value(), result.rows(), result.created(), result.updated(), result.unchanged(),
				result.rejectedRows(), result.refused() ? " — nothing stored" : "");
		for (ImportError error : result.rejected()) {
			this.out.printf("  %s row %d%s: %s / %s%s%n", error.sheet(), error.row(),
					(error.column() != null) ? " [" + error.column() + "]" : "", error.reason(), error.reasonEn(),
					(error.value() != null) ? " (" + error.value() + ")" : "");
		}
		if (!result.ignoredColumns().isEmpty()) {
			this.out.println("  ignored columns: " + String.join(", ", result.ignoredColumns()));
		}
		return result.hasErrors() ? 1 : 0;
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

}
