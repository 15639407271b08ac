package org.oversight.api.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.api.transfer.Workbooks.row;

/**
 * Exports to .xlsx: the import's headers, the list filters, the scope; and an export
 * imported into an empty database reads back the same records.
 */
@ApiIntegrationTest
class ExportApiIntegrationTests extends TransferTestSupport {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TalkService talks;

	@Autowired
	OrganizationService organizationService;

	World world;

	Finding serious;

	/**
	 * The world, findings and tasks, a talk, an ended post, a finding imported by key,
	 * and a dissolved county (its posts ended by the dissolution, a talk and a finding
	 * recorded before it; with {@code taskOfTheDissolved}, also a task assigned before).
	 */
	void data(boolean taskOfTheDissolved) {
		this.world = new World(this.fixtures);
		this.serious = this.fixtures.finding(this.world.county2, this.world.county2Principal, Severity.SERIOUS,
				LocalDate.of(2026, 3, 1));
		this.fixtures.task(this.serious, this.world.county2, LocalDate.of(2026, 5, 1));
		Finding early = this.fixtures.finding(this.world.township1, null, Severity.EARLY_SIGN,
				LocalDate.of(2026, 2, 1));
		this.fixtures.task(early, this.world.township1, LocalDate.of(2026, 12, 31));
		this.talks.record(new TalkService.RecordTalk(TalkKind.HEART_TO_HEART, LocalDate.of(2026, 4, 2),
				this.world.city1Deputy.id(), List.of(this.world.city1Principal.id(), this.world.city1Secretary.id()),
				this.world.city1.id(), "谈心, \"谈话\"", List.of("注意工作方法", "加强学习")));
		this.fixtures.appoint(this.world.city1Deputy, this.world.county1, org.oversight.core.cadre.TeamRole.MEMBER,
				LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
		adminUpload("findings", null, "f.csv", Workbooks.utf8("问题编号,问题来源,问题类别,严重程度,问题描述,组织代码,涉及干部编号,发现日期,处置形态\n"
				+ "XC-2026-001,巡察,选人用人,一般问题,\"违规选人用人\n多处\",C2,,2026-05-20,第二种形态\n"));
		Organization gone = this.fixtures.org("X9", OrgLevel.COUNTY, this.world.city2);
		org.oversight.core.cadre.Cadre principal = this.fixtures.cadre("九县书记");
		this.fixtures.appoint(principal, gone, org.oversight.core.cadre.TeamRole.PRINCIPAL, LocalDate.of(2024, 3, 1));
		this.talks.record(new TalkService.RecordTalk(TalkKind.SUPERVISION, LocalDate.of(2025, 3, 2), principal.id(),
				List.of(this.world.city2Principal.id()), gone.id(), "撤销前的监督谈话", List.of()));
		Finding before = this.fixtures.finding(gone, principal, Severity.GENERAL, LocalDate.of(2025, 4, 1));
		if (taskOfTheDissolved) {
			this.fixtures.task(before, gone, LocalDate.of(2025, 9, 30));
		}
		this.organizationService.dissolve(gone.id(), LocalDate.of(2026, 1, 31));
	}

	@Test
	void anExportImportedIntoAnEmptyDatabaseReadsBackTheSameRecords() {
		data(true);
		byte[] first = adminDownload("/transfer/export/roster.xlsx");
		Map<String, List<List<String>>> before = Workbooks.read(first);
		assertThat(before.get("组织")).hasSize(8);
		assertThat(before.get("组织")).contains(List.of("X9", "X9党委", "党委", "县级", "C2", "2026-01-31"));
		assertThat(before.get("干部")).hasSize(9);
		assertThat(before.get("任职")).hasSize(10);
		assertThat(before.get("任职")).filteredOn((r) -> r.get(1).equals("X9"))
			.extracting((r) -> r.get(5))
			.containsExactly("2026-01-31");
		assertThat(before.get("谈话")).hasSize(3);
		assertThat(before.get("问题")).hasSize(5);
		assertThat(before.get("整改")).hasSize(4);

		emptyTheDatabase();
		Upload upload = adminUpload("roster", null, "export.xlsx", first);
		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().rejected()).isEmpty();
		assertThat(upload.result().ignoredColumns()).isEmpty();
		assertThat(upload.result().created()).isEqualTo(7 + 8 + 9 + 2 + 4 + 3);

		Map<String, List<List<String>>> after = Workbooks.read(adminDownload("/transfer/export/roster.xlsx"));
		for (TransferKind kind : TransferKind.SHEETS) {
			List<List<String>> rows = before.get(kind.sheetName());
			assertThat(rows.get(0)).containsExactlyElementsOf(kind.columns().stream().map(Column::header).toList());
			assertThat(sorted(after.get(kind.sheetName()))).as(kind.sheetName()).isEqualTo(sorted(rows));
		}
		Upload again = adminUpload("roster", null, "export.xlsx", first);
		assertThat(again.result().rejected()).isEmpty();
		assertThat(again.result().created()).isZero();
		assertThat(again.result().unchanged()).isEqualTo(33);
	}

	/**
	 * Each kind's own export, imported kind by kind into an empty database in dependency
	 * order, reads back the same records; importing them again changes nothing.
	 */
	@Test
	void eachKindsExportImportedIntoAnEmptyDatabaseReadsBackTheSameRecords() {
		data(false);
		Map<TransferKind, byte[]> exports = new java.util.EnumMap<>(TransferKind.class);
		Map<TransferKind, List<List<String>>> before = new java.util.EnumMap<>(TransferKind.class);
		for (TransferKind kind : TransferKind.SHEETS) {
			byte[] file = adminDownload("/transfer/export/" + kind.value() + ".xlsx");
			exports.put(kind, file);
			before.put(kind, Workbooks.read(file).get(kind.sheetName()));
			assertThat(before.get(kind)).as(kind.value()).hasSizeGreaterThan(2);
		}

		emptyTheDatabase();
		for (TransferKind kind : TransferKind.SHEETS) {
			Upload upload = adminUpload(kind.value(), null, kind.value() + ".xlsx", exports.get(kind));
			assertThat(upload.result().rejected()).as(kind.value()).isEmpty();
			assertThat(upload.result().created()).as(kind.value()).isEqualTo(before.get(kind).size() - 1);
		}
		for (TransferKind kind : TransferKind.SHEETS) {
			Map<String, List<List<String>>> after = Workbooks
				.read(adminDownload("/transfer/export/" + kind.value() + ".xlsx"));
			assertThat(sorted(after.get(kind.sheetName()))).as(kind.value()).isEqualTo(sorted(before.get(kind)));
			Upload again = adminUpload(kind.value(), null, kind.value() + ".xlsx", exports.get(kind));
			assertThat(again.result().rejected()).as(kind.value()).isEmpty();
			assertThat(again.result().created() + again.result().updated()).as(kind.value()).isZero();
			assertThat(again.result().unchanged()).as(kind.value()).isEqualTo(before.get(kind).size() - 1);
		}
	}

	private void emptyTheDatabase() {
		for (String name : this.mongo.getCollectionNames()) {
			if (!name.startsWith("system.") && !name.contains("account") && !name.startsWith("QRTZ")) {
				this.mongo.getCollection(name).deleteMany(new Document());
			}
		}
	}

	private static List<List<String>> sorted(List<List<String>> rows) {
		List<List<String>> copy = new ArrayList<>(rows.subList(1, rows.size()));
		copy.sort(Comparator.comparing(Object::toString));
		return copy;
	}

	@Test
	void exportsApplyTheFiltersOfTheListsAndTheScope() {
		data(false);
		Map<String, List<List<String>>> serious = Workbooks
			.read(adminDownload("/transfer/export/findings.xlsx?severity=SERIOUS,严重问题&under=C2"));
		assertThat(serious.get("问题")).hasSize(2);
		assertThat(serious.get("问题").get(1).get(0)).isEqualTo(this.serious.id());
		assertThat(serious.get("问题").get(1)).contains("严重问题", "X2", "2026-03-01", "是");

		Map<String, List<List<String>>> overdue = Workbooks
			.read(adminDownload("/transfer/export/rectifications.xlsx?overdue=true"));
		assertThat(overdue.get("整改")).hasSize(2);
		assertThat(overdue.get("整改").get(1)).contains("X2", "2026-05-01", "已交办");

		Map<String, List<List<String>>> level = Workbooks
			.read(adminDownload("/transfer/export/organizations.xlsx?level=COUNTY"));
		assertThat(level.get("组织")).extracting((r) -> r.get(0)).containsExactly("组织代码", "X1", "X2", "X9");

		account("c2viewer", this.world.city2.id(), null, Role.VIEWER);
		Map<String, List<List<String>>> scoped = Workbooks
			.read(download("c2viewer", PASSWORD, "/transfer/export/roster.xlsx"));
		assertThat(scoped.get("组织")).extracting((r) -> r.get(0)).containsExactly("组织代码", "C2", "X2", "X9");
		assertThat(scoped.get("问题").subList(1, scoped.get("问题").size())).extracting((r) -> r.get(5))
			.containsExactlyInAnyOrder("X2", "C2", "X9");
		assertThat(scoped.get("谈话")).extracting((r) -> r.get(4)).containsExactly("组织代码", "X9");
		assertThat(scoped.get("整改")).extracting((r) -> r.get(1)).containsExactly("责任单位代码", "X2");
		assertThat(scoped.toString()).doesNotContain("T1", "C1", "X1");

		client().get()
			.uri("/transfer/export/findings.xlsx?colour=red")
			.headers((h) -> h.setBasicAuth("admin", ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isBadRequest();
		client().get()
			.uri("/transfer/export/findings.xlsx?severity=HUGE")
			.headers((h) -> h.setBasicAuth("admin", ADMIN_PASSWORD))
			.exchange()
			.expectStatus()
			.isBadRequest();
		client().get().uri("/transfer/export/findings.xlsx").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void templatesHoldTheImportHeadersAndImportAsEmpty() {
		for (TransferKind kind : TransferKind.SHEETS) {
			byte[] template = adminDownload("/transfer/templates/" + kind.value() + ".xlsx");
			Map<String, List<List<String>>> sheets = Workbooks.read(template);
			assertThat(sheets).containsKeys(kind.sheetName(), Templates.INSTRUCTIONS);
			assertThat(sheets.get(kind.sheetName()).get(0)).containsExactlyElementsOf(
					kind.columns().stream().filter((c) -> !c.exportOnly()).map(Column::header).toList());
			Upload upload = adminUpload(kind.value(), null, "template.xlsx", template);
			assertThat(upload.status()).isEqualTo(HttpStatus.OK);
			assertThat(upload.result().rows()).isZero();
		}
		Map<String, List<List<String>>> roster = Workbooks.read(adminDownload("/transfer/templates/roster.xlsx"));
		assertThat(roster.keySet()).containsExactly("组织", "干部", "任职", "谈话", "问题", "整改", "填写说明");
		byte[] filled = Workbooks.create()
			.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码"), row("P", "省委", "党委", "省级", null))
			.xlsx();
		assertThat(adminUpload("organizations", null, "o.xlsx", filled).result().created()).isEqualTo(1);
	}

}
