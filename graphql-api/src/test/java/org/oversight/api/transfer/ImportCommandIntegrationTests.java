package org.oversight.api.transfer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.core.organization.Organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.api.transfer.Workbooks.row;

/** The command-line import: its exit codes and summary, and its absence from a server. */
@ApiIntegrationTest
class ImportCommandIntegrationTests extends TransferTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	Importer importer;

	@Autowired
	Environment environment;

	@Autowired
	Organizations organizations;

	@TempDir
	Path directory;

	final ByteArrayOutputStream output = new ByteArrayOutputStream();

	ImportCommand command() {
		ImportCommand command = new ImportCommand(this.importer, this.environment);
		command.output(new PrintStream(this.output, true, StandardCharsets.UTF_8));
		return command;
	}

	String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aServerStartedNormallyHasNoImportCommand() {
		assertThat(this.context.getBeansOfType(ImportCommand.class)).isEmpty();
		assertThat(ImportCommand.requested(new String[] { "--server.port=0" })).isFalse();
		assertThat(ImportCommand.requested(new String[] { "--oversight.import.file=a.xlsx" })).isTrue();
		assertThat(ImportCommand.arguments(new String[] { "--oversight.import.file=a.xlsx" })).contains(
				"--server.port=0", "--oversight.scheduler.enabled=false", "--oversight.demo-loader.enabled=false");
	}

	@Test
	void importsAsTheCommandLineAdminAndExitsZero() throws Exception {
		Path file = this.directory.resolve("roster.xlsx");
		Files.write(file, ImportApiIntegrationTests.roster().xlsx());

		int code = command().run("roster", file.toString(), null);

		assertThat(code).isZero();
		assertThat(output()).contains("13 rows, 13 created, 0 updated, 0 unchanged, 0 refused");
		assertThat(this.organizations.findByCode("P").orElseThrow().stamp().createdBy()).isEqualTo(ImportCommand.ACTOR);
		assertThat(command().run("roster", file.toString(), "all-or-nothing")).isZero();
		assertThat(output()).contains("13 rows, 0 created, 0 updated, 13 unchanged, 0 refused");
	}

	@Test
	void exitsNonZeroOnBadRowsAndOnABadCommand() throws Exception {
		Path file = this.directory.resolve("orgs.xlsx");
		Files.write(file, ImportApiIntegrationTests.badOrganizations().xlsx());

		assertThat(command().run("organizations", file.toString(), null)).isEqualTo(1);
		assertThat(output()).contains("6 refused — nothing stored")
			.contains("Sheet1 row 3 [组织代码]: 必填项不能为空 / is required")
			.contains("ignored columns: 备注");
		assertThat(this.organizations.count()).isZero();
		assertThat(command().run("organizations", this.directory.resolve("missing.xlsx").toString(), null))
			.isEqualTo(2);
		assertThat(command().run("everything", file.toString(), null)).isEqualTo(2);
		assertThat(command().run("organizations", file.toString(), "sometimes")).isEqualTo(2);
		Files.write(file,
				Workbooks.create().sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级"), row("P", "省委", "党委", "省级")).xlsx());
		assertThat(command().run("organizations", file.toString(), "valid-only")).isZero();
	}

}
