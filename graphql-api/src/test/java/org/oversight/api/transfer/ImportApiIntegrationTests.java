package org.oversight.api.transfer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Appointments;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Findings;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.organization.Organizations;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.Rectifications;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.Talks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oversight.api.transfer.Workbooks.row;

/**
 * Imports over HTTP: good and bad workbooks and CSVs (UTF-8 with and without BOM,
 * GB18030), the stored data, the error reports, re-imports and interrupted imports.
 */
@ApiIntegrationTest
class ImportApiIntegrationTests extends TransferTestSupport {

	@Autowired
	Organizations organizations;

	@Autowired
	Cadres cadres;

	@Autowired
	Appointments appointments;

	@Autowired
	Talks talks;

	@Autowired
	Findings findings;

	@Autowired
	Rectifications rectifications;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OrganizationService organizationService;

	@Autowired
	FindingService findingService;

	/**
	 * A roster in one workbook, every sheet in an order no import could follow row by
	 * row.
	 */
	static Workbooks roster() {
		return Workbooks.create()
			.sheet("整改", row("问题编号", "责任单位代码", "责任人干部编号", "整改方式", "整改措施", "整改期限"),
					row("F-1", "C1", "G2", "限期整改", "整改措施一", LocalDate.of(2026, 7, 1)))
			.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "涉及干部编号", "发现日期", "处置形态", "举报人"),
					row("F-1", "巡察", "作风", "一般问题", "违规发放津贴", "C1", "G2", LocalDate.of(2026, 4, 1), "第一种形态", "某群众"))
			.sheet("谈话", row("谈话类型", "谈话日期", "谈话对象干部编号", "谈话人干部编号", "组织代码", "谈话摘要", "指出的问题"),
					row("监督谈话", "2026-03-01", "G2", "G1", "P", "年度监督谈话", "问题一\n问题二"))
			.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
					row("G2", "C1", "一把手", "市委书记", LocalDate.of(2024, 2, 1), null),
					row("G1", "P", "PRINCIPAL", "省委书记", "2024-01-01", null),
					row("G3", "C1", "纪委书记", "市纪委书记", "2024年3月1日", null))
			.sheet("干部", row("干部编号", "姓名", "出生年份"), row("G1", "张三", 1970), row("G2", "李四", 1975), row("G3", "王五", null))
			.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码"), row("X1", "一县党委", "党委", "县级", "C1"),
					row("C1", "一市党委", "党委", "市级", "P"), row("P", "省委", "PARTY_COMMITTEE", "PROVINCE", null),
					row("D1", "一市组织部", "部门", "市级", "C1"));
	}

	@Test
	void aRosterImportsInOnePassWhateverTheOrderOfItsRowsAndSheets() {
		Upload upload = adminUpload("roster", null, "roster.xlsx", roster().xlsx());
		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		ImportResult result = upload.result();
		assertThat(result.rejected()).isEmpty();
		assertThat(result.created()).isEqualTo(13);
		assertThat(result.rows()).isEqualTo(13);
		assertThat(result.stored()).isTrue();

		Organization p = this.organizations.findByCode("P").orElseThrow();
		Organization c1 = this.organizations.findByCode("C1").orElseThrow();
		Organization x1 = this.organizations.findByCode("X1").orElseThrow();
		assertThat(x1.path()).containsExactly(p.id(), c1.id(), x1.id());
		assertThat(x1.level()).isEqualTo(OrgLevel.COUNTY);
		assertThat(this.organizations.findByCode("D1").orElseThrow().kind()).isEqualTo(OrgKind.DEPARTMENT);
		assertThat(x1.stamp().createdBy()).isEqualTo("admin");

		Cadre g2 = this.cadres.findByCode("G2").orElseThrow();
		assertThat(g2.name()).isEqualTo("李四");
		assertThat(g2.birthYear()).isEqualTo(1975);
		assertThat(this.cadres.findByCode("G3").orElseThrow().birthYear()).isNull();
		assertThat(this.appointments.findAll())
			.extracting(Appointment::organizationId, Appointment::role, Appointment::start)
			.containsExactlyInAnyOrder(tuple(c1.id(), TeamRole.PRINCIPAL, LocalDate.of(2024, 2, 1)),
					tuple(p.id(), TeamRole.PRINCIPAL, LocalDate.of(2024, 1, 1)),
					tuple(c1.id(), TeamRole.DISCIPLINE_SECRETARY, LocalDate.of(2024, 3, 1)));

		Talk talk = this.talks.findAll().get(0);
		assertThat(talk.kind()).isEqualTo(TalkKind.SUPERVISION);
		assertThat(talk.subjectId()).isEqualTo(g2.id());
		assertThat(talk.issuesRaised()).containsExactly("问题一", "问题二");

		Finding finding = this.findings.findAll().get(0);
		assertThat(finding.concernsPrincipal()).isTrue();
		assertThat(finding.source()).isEqualTo(FindingSource.INSPECTION);
		assertThat(finding.disposition()).isEqualTo(DispositionForm.FIRST);
		assertThat(finding.hasInformant()).isTrue();
		assertThat(finding.status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
		Document key = this.mongo.findById("finding:F-1", Document.class, ImportKeys.COLLECTION);
		assertThat(key).isNotNull();
		assertThat(key.get("id")).hasToString(finding.id());

		Rectification task = this.rectifications.findAll().get(0);
		assertThat(task.findingId()).isEqualTo(finding.id());
		assertThat(task.responsibleCadreId()).isEqualTo(g2.id());
		assertThat(task.mode()).isEqualTo(RectificationMode.DEADLINE);
		assertThat(task.deadline()).isEqualTo(LocalDate.of(2026, 7, 1));
	}

	@Test
	void reImportingTheSameFileChangesNothing() {
		byte[] file = roster().xlsx();
		adminUpload("roster", null, "roster.xlsx", file);
		Organization before = this.organizations.findByCode("X1").orElseThrow();
		long documents = countAll();

		Upload again = adminUpload("roster", null, "roster.xlsx", file);

		assertThat(again.status()).isEqualTo(HttpStatus.OK);
		assertThat(again.result().created()).isZero();
		assertThat(again.result().updated()).isZero();
		assertThat(again.result().unchanged()).isEqualTo(13);
		assertThat(again.result().rejected()).isEmpty();
		assertThat(countAll()).isEqualTo(documents);
		assertThat(this.organizations.findByCode("X1").orElseThrow().stamp()).isEqualTo(before.stamp());
	}

	private long countAll() {
		long total = 0;
		for (String name : List.of("organizations", "cadres", "appointments", "talks", "findings", "rectifications",
				"finding_informants", ImportKeys.COLLECTION)) {
			total += this.mongo.getCollection(name).countDocuments();
		}
		return total;
	}

	@Test
	void anImportCutOffMidwayIsCompletedByImportingTheFileAgain() {
		// as if the first run stopped after two organizations, and after registering the
		// finding but before completing its key
		Organization p = this.organizationService.create(new OrganizationService.CreateOrganization("P", "省委",
				OrgKind.PARTY_COMMITTEE, OrgLevel.PROVINCE, null));
		this.organizationService.create(new OrganizationService.CreateOrganization("C1", "一市党委",
				OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, p.id()));
		adminUpload("cadres", null, "c.xlsx",
				Workbooks.create().sheet("干部", row("干部编号", "姓名"), row("G1", "张三"), row("G2", "李四")).xlsx());
		this.mongo.insert(
				new Document("_id", "finding:F-9").append("reservedAt", java.util.Date.from(java.time.Instant.now())),
				ImportKeys.COLLECTION);
		Finding orphan = this.findingService
			.register(new FindingService.RegisterFinding(FindingSource.AUDIT, FindingCategory.INTEGRITY,
					Severity.SERIOUS, "审计发现问题", p.id(), null, LocalDate.of(2026, 5, 1), null, null));

		Upload upload = adminUpload("roster", null, "roster.xlsx",
				Workbooks.create()
					.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码"), row("P", "省委", "党委", "省级", null),
							row("C1", "一市党委", "党委", "市级", "P"), row("X1", "一县党委", "党委", "县级", "C1"))
					.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "发现日期"),
							row("F-9", "审计", "廉洁", "严重问题", "审计发现问题", "P", "2026-05-01"))
					.xlsx());

		assertThat(upload.result().rejected()).isEmpty();
		assertThat(upload.result().unchanged()).isEqualTo(2);
		assertThat(upload.result().created()).isEqualTo(2);
		assertThat(this.organizations.count()).isEqualTo(3);
		assertThat(this.findings.count()).as("the orphan finding is adopted, not registered twice").isEqualTo(1);
		assertThat(this.mongo.findById("finding:F-9", Document.class, ImportKeys.COLLECTION).get("id"))
			.hasToString(orphan.id());
	}

	@Test
	void aFindingReservedButNeverRegisteredIsRegisteredUnderItsReservedIdByTheNextImport() {
		// as if the first run stopped after reserving the keys with their findings' ids,
		// before registering F-1 and after registering F-2
		Organization p = this.organizationService.create(new OrganizationService.CreateOrganization("P", "省委",
				OrgKind.PARTY_COMMITTEE, OrgLevel.PROVINCE, null));
		String reserved = new org.bson.types.ObjectId().toHexString();
		this.mongo.insert(new Document("_id", "finding:F-1").append("id", reserved)
			.append("reservedAt", java.util.Date.from(java.time.Instant.now())), ImportKeys.COLLECTION);
		Finding registered = this.findingService
			.register(new FindingService.RegisterFinding(FindingSource.AUDIT, FindingCategory.INTEGRITY,
					Severity.SERIOUS, "问题二", p.id(), null, LocalDate.of(2026, 5, 2), null, null));
		this.mongo.insert(new Document("_id", "finding:F-2").append("id", registered.id())
			.append("reservedAt", java.util.Date.from(java.time.Instant.now())), ImportKeys.COLLECTION);
		byte[] file = Workbooks.create()
			.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "发现日期"),
					row("F-1", "审计", "廉洁", "严重问题", "问题一", "P", "2026-05-01"),
					row("F-2", "审计", "廉洁", "严重问题", "问题二", "P", "2026-05-02"))
			.sheet("整改", row("问题编号", "责任单位代码", "整改方式", "整改措施", "整改期限"), row("F-1", "P", "限期整改", "措施", "2026-09-01"))
			.xlsx();

		Upload upload = adminUpload("roster", null, "roster.xlsx", file);

		assertThat(upload.result().rejected()).isEmpty();
		assertThat(upload.result().created()).isEqualTo(2);
		assertThat(upload.result().unchanged()).isEqualTo(1);
		Finding completed = this.findings.findById(reserved).orElseThrow();
		assertThat(completed.description()).isEqualTo("问题一");
		assertThat(completed.tasks()).isEqualTo(1);
		assertThat(this.findings.count()).isEqualTo(2);
		assertThat(adminUpload("roster", null, "roster.xlsx", file).result().unchanged()).isEqualTo(3);
	}

	@Test
	void postsCutOffBeforeTheirScopesOrAfterTheirSeatAreCompletedByImportingTheFileAgain() {
		byte[] file = roster().xlsx();
		adminUpload("roster", null, "roster.xlsx", file);
		Cadre g2 = this.cadres.findByCode("G2").orElseThrow();
		Cadre g3 = this.cadres.findByCode("G3").orElseThrow();
		Organization c1 = this.organizations.findByCode("C1").orElseThrow();
		Appointment principal = this.appointments.findByCadreId(g2.id()).get(0);
		// as if the first run stopped after claiming G2's seat (the post never stored)
		// and
		// before widening G3's scope
		this.appointments.deleteById(principal.id());
		this.mongo.updateFirst(
				org.springframework.data.mongodb.core.query.Query
					.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(g3.id())),
				new org.springframework.data.mongodb.core.query.Update().set("orgScope", List.of()), Cadre.class);

		Upload again = adminUpload("roster", null, "roster.xlsx", file);

		assertThat(again.result().rejected()).isEmpty();
		assertThat(again.result().created()).isEqualTo(1);
		assertThat(this.appointments.findByCadreId(g2.id())).extracting(Appointment::id)
			.containsExactly(principal.id());
		assertThat(this.cadres.findById(g3.id()).orElseThrow().orgScope()).containsAll(c1.path());
		assertThat(adminUpload("roster", null, "roster.xlsx", file).result().unchanged()).isEqualTo(13);
	}

	@Test
	void aBadWorkbookIsReportedRowByRowAndNothingIsStored() {
		byte[] file = badOrganizations().xlsx();

		Upload upload = adminUpload("organizations", null, "orgs.xlsx", file);

		assertThat(upload.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		ImportResult result = upload.result();
		assertThat(result.refused()).isTrue();
		assertThat(result.stored()).isFalse();
		assertThat(result.created()).isZero();
		assertThat(this.organizations.count()).isZero();
		assertThat(result.rejected()).extracting(ImportError::sheet, ImportError::row, ImportError::column)
			.containsExactlyInAnyOrder(tuple("Sheet1", 3, "组织代码"), tuple("Sheet1", 4, "组织类型"),
					tuple("Sheet1", 5, "上级组织代码"), tuple("Sheet1", 6, "组织代码"), tuple("Sheet1", 8, "组织层级"),
					tuple("Sheet1", 9, "组织代码"));
		assertThat(result.rejectedRows()).isEqualTo(6);
		ImportError missing = error(result, 3);
		assertThat(missing.reason()).isEqualTo("必填项不能为空");
		assertThat(missing.reasonEn()).isEqualTo("is required");
		assertThat(error(result, 4).reason()).startsWith("不是可选值之一：党委");
		assertThat(error(result, 4).value()).isEqualTo("不存在的类型");
		assertThat(error(result, 5).reasonEn()).contains("no organization has code 'Z9'");
		assertThat(error(result, 6).reason()).isEqualTo("与第2行重复");
		assertThat(error(result, 8).reasonEn()).isEqualTo("an organization at COUNTY cannot sit below one at TOWNSHIP");
		assertThat(error(result, 9).reasonEn()).contains("letters, digits");
	}

	@Test
	void validOnlyStoresTheGoodRowsAndReportsTheBadOnes() {
		Upload upload = adminUpload("organizations", "valid-only", "orgs.xlsx", badOrganizations().xlsx());

		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().created()).isEqualTo(2);
		assertThat(upload.result().rejectedRows()).isEqualTo(6);
		assertThat(this.organizations.findAll()).extracting(Organization::code).containsExactlyInAnyOrder("P", "T9");
	}

	@Test
	void checkModeValidatesAndStoresNothing() {
		Upload upload = adminUpload("roster", "check", "roster.xlsx", roster().xlsx());

		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().stored()).isFalse();
		assertThat(upload.result().created()).isEqualTo(13);
		assertThat(upload.result().rejected()).isEmpty();
		assertThat(this.organizations.count()).isZero();
	}

	static Workbooks badOrganizations() {
		return Workbooks.create()
			.sheet("Sheet1", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码", "备注"),
					row("P", "省委", "党委", "省级", null, "一些备注"), row(null, "无代码", "党委", "市级", "P"),
					row("C2", "二市", "不存在的类型", "市级", "P"), row("C3", "三市", "党委", "市级", "Z9"),
					row("P", "重复的省委", "党委", "省级", null), row("T9", "某镇", "乡镇街道", "乡镇级", "P"),
					row("X9", "某县", "党委", "县级", "T9"), row("A B", "坏代码", "党委", "市级", "P"));
	}

	private static ImportError error(ImportResult result, int row) {
		return result.rejected().stream().filter((e) -> e.row() == row).findFirst().orElseThrow();
	}

	static Workbooks cadreCsv() {
		return Workbooks.create()
			.sheet("干部", row("干部编号", "姓名", "出生年份"), row("G-001", "欧阳修", "1970"), row("G-002", "李清照, \"易安\"", ""),
					row("G-003", "辛弃疾", "1980"));
	}

	@Test
	void aUtf8CsvWithByteOrderMarkImports() {
		assertCadresImported(cadreCsv().csv(StandardCharsets.UTF_8, true));
	}

	@Test
	void aUtf8CsvWithoutByteOrderMarkImports() {
		assertCadresImported(cadreCsv().csv(StandardCharsets.UTF_8, false));
	}

	@Test
	void aGb18030CsvImports() {
		byte[] gb = cadreCsv().csv(CsvReader.GB18030, false);
		assertThat(gb).isNotEqualTo(cadreCsv().csv(StandardCharsets.UTF_8, false));
		assertCadresImported(gb);
	}

	private void assertCadresImported(byte[] csv) {
		Upload upload = adminUpload("cadres", null, "cadres.csv", csv);
		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().created()).isEqualTo(3);
		assertThat(this.cadres.findAll()).extracting(Cadre::code, Cadre::name, Cadre::birthYear)
			.containsExactlyInAnyOrder(tuple("G-001", "欧阳修", 1970), tuple("G-002", "李清照, \"易安\"", null),
					tuple("G-003", "辛弃疾", 1980));
		Upload again = adminUpload("cadres", null, "cadres.csv", csv);
		assertThat(again.result().created()).isZero();
		assertThat(again.result().unchanged()).isEqualTo(3);
	}

	@Test
	void aBadCsvIsReportedWithRowsAndColumnsInBothLanguages() {
		String csv = "code,name,birth_year\r\nG1,甲,1970\r\nG2,,1800\r\nG1,乙,abc\r\n";

		Upload upload = adminUpload("cadres", null, "cadres.csv", csv.getBytes(CsvReader.GB18030));

		assertThat(upload.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(upload.result().rejected())
			.extracting(ImportError::sheet, ImportError::row, ImportError::column, ImportError::reason,
					ImportError::reasonEn)
			.containsExactlyInAnyOrder(tuple("干部", 3, "姓名", "必填项不能为空", "is required"),
					tuple("干部", 3, "出生年份", "应在1900到2026之间", "must be between 1900 and 2026"),
					tuple("干部", 4, "出生年份", "不是整数", "is not a whole number"),
					tuple("干部", 4, "干部编号", "与第2行重复", "duplicates row 2"));
		assertThat(this.cadres.count()).isZero();
	}

	@Test
	void aFileMissingARequiredColumnIsRefusedAsAWhole() {
		Upload upload = adminUpload("cadres", "valid-only", "cadres.csv", Workbooks.utf8("干部编号,出生年份\r\nG1,1970\r\n"));

		assertThat(upload.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reasonEn)
			.containsExactly(tuple(1, "姓名", "the required column is missing"));
		assertThat(this.cadres.count()).isZero();
	}

	@Test
	void anOpenAppointmentIsEndedWhenTheFileGivesItAnEnd() {
		adminUpload("roster", null, "roster.xlsx", roster().xlsx());

		Upload upload = adminUpload("appointments", null, "a.xlsx",
				Workbooks.create()
					.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
							row("G2", "C1", "一把手", "市委书记", "2024-02-01", "2026-05-31"),
							row("G1", "C1", "一把手", "市委书记", "2026-06-01", null),
							row("G2", "C1", "一把手", "市委书记", "2026-06-01", null))
					.xlsx());

		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column)
			.containsExactly(tuple(4, "任职开始日期"));
		assertThat(upload.result().rejected().get(0).reasonEn()).isEqualTo("overlaps the post on row 3");
		upload = adminUpload("appointments", "valid-only", "a.xlsx",
				Workbooks.create()
					.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
							row("G2", "C1", "一把手", "市委书记", "2024-02-01", "2026-05-31"),
							row("G1", "C1", "一把手", "市委书记", "2026-06-01", null))
					.xlsx());
		assertThat(upload.result().updated()).isEqualTo(1);
		assertThat(upload.result().created()).isEqualTo(1);
		assertThat(this.appointments.findAll()).filteredOn((a) -> a.role() == TeamRole.PRINCIPAL)
			.extracting(Appointment::start, Appointment::end)
			.contains(tuple(LocalDate.of(2024, 2, 1), LocalDate.of(2026, 5, 31)),
					tuple(LocalDate.of(2026, 6, 1), null));
	}

	@Test
	void rolesDecideWhatMayBeImported() {
		account("viewer", null, null, Role.VIEWER);
		account("inspector", null, null, Role.INSPECTOR);
		account("organizer", null, null, Role.ORGANIZATION);
		byte[] orgs = Workbooks.create()
			.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级"), row("P", "省委", "党委", "省级"))
			.xlsx();

		assertThat(upload("viewer", PASSWORD, "organizations", null, "o.xlsx", orgs).status())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload("inspector", PASSWORD, "organizations", null, "o.xlsx", orgs).status())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload("organizer", PASSWORD, "findings", null, "o.xlsx", orgs).status())
			.isEqualTo(HttpStatus.FORBIDDEN);
		Upload roster = upload("organizer", PASSWORD, "roster", null, "r.xlsx", roster().xlsx());
		assertThat(roster.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(roster.result().rejected()).extracting(ImportError::sheet).contains("问题", "整改");
		assertThat(this.organizations.count()).isZero();
		assertThat(upload("organizer", PASSWORD, "organizations", null, "o.xlsx", orgs).status())
			.isEqualTo(HttpStatus.OK);
		client().post().uri("/transfer/import/organizations").exchange().expectStatus().isUnauthorized();
	}

}
