package org.oversight.api.transfer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.World;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Appointments;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.Cadres;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Findings;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.Organization;
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
 * Every importable kind from a good and a bad file in each format (.xlsx, CSV in UTF-8,
 * CSV in GB18030): a good file's records as stored, a re-import that leaves every
 * document as it was, a bad file's report (sheet, row, column, reason in Chinese and
 * English) and nothing stored from it.
 */
@ApiIntegrationTest
class ImportByKindIntegrationTests extends TransferTestSupport {

	/** The collections an import writes (the audit log aside). */
	static final List<String> COLLECTIONS = List.of("organizations", "cadres", "appointments", "principal_seats",
			"talks", "findings", "finding_informants", "rectifications", ImportKeys.COLLECTION);

	enum Format {

		XLSX("file.xlsx"), CSV_UTF8("file.csv"), CSV_GB18030("file.csv");

		final String fileName;

		Format(String fileName) {
			this.fileName = fileName;
		}

		byte[] bytes(Workbooks workbook) {
			return switch (this) {
				case XLSX -> workbook.xlsx();
				case CSV_UTF8 -> workbook.csv(StandardCharsets.UTF_8, false);
				case CSV_GB18030 -> workbook.csv(CsvReader.GB18030, false);
			};
		}

	}

	/**
	 * One kind's files: the good one (what it creates and leaves unchanged on the first
	 * import, and how the stored records must look), and the bad one with every reason
	 * its report must give: (row, column header, English reason).
	 */
	record Case(Workbooks good, int created, int unchanged, Runnable stored, Workbooks bad, List<Tuple> errors) {
	}

	@Autowired
	MongoTemplate mongo;

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

	World world;

	Finding finding;

	@BeforeEach
	void world() {
		this.world = new World(this.fixtures);
		this.finding = this.fixtures.finding(this.world.county2, null, Severity.GENERAL, LocalDate.of(2026, 3, 1));
	}

	static Stream<Arguments> kindsAndFormats() {
		List<Arguments> all = new ArrayList<>();
		for (TransferKind kind : TransferKind.SHEETS) {
			for (Format format : Format.values()) {
				all.add(Arguments.of(kind, format));
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("kindsAndFormats")
	void aGoodFileIsStoredAndImportingItAgainChangesNothing(TransferKind kind, Format format) {
		Case c = cases().get(kind);
		byte[] file = format.bytes(c.good());

		Upload upload = adminUpload(kind.value(), null, format.fileName, file);

		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().rejected()).isEmpty();
		assertThat(upload.result().created()).isEqualTo(c.created());
		assertThat(upload.result().unchanged()).isEqualTo(c.unchanged());
		c.stored().run();

		Map<String, List<Document>> before = snapshot();
		Upload again = adminUpload(kind.value(), null, format.fileName, file);
		assertThat(again.status()).isEqualTo(HttpStatus.OK);
		assertThat(again.result().rejected()).isEmpty();
		assertThat(again.result().created()).isZero();
		assertThat(again.result().updated()).isZero();
		assertThat(again.result().unchanged()).isEqualTo(c.created() + c.unchanged());
		assertThat(snapshot()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("kindsAndFormats")
	void aBadFileIsReportedRowByRowAndNothingIsStored(TransferKind kind, Format format) {
		Case c = cases().get(kind);
		Map<String, List<Document>> before = snapshot();

		Upload upload = adminUpload(kind.value(), null, format.fileName, format.bytes(c.bad()));

		assertThat(upload.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(upload.result().refused()).isTrue();
		assertThat(upload.result().stored()).isFalse();
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reasonEn)
			.containsExactlyInAnyOrderElementsOf(c.errors());
		assertThat(upload.result().rejected()).allSatisfy((error) -> {
			assertThat(error.sheet()).isEqualTo(kind.sheetName());
			assertThat(error.reason()).isNotBlank().isNotEqualTo(error.reasonEn());
		});
		assertThat(snapshot()).isEqualTo(before);
	}

	/** Every document of the collections an import writes, in a stable order. */
	private Map<String, List<Document>> snapshot() {
		Map<String, List<Document>> all = new LinkedHashMap<>();
		for (String name : COLLECTIONS) {
			all.put(name, this.mongo.find(new Query().with(org.springframework.data.domain.Sort.by("_id")),
					Document.class, name));
		}
		return all;
	}

	private Map<TransferKind, Case> cases() {
		World w = this.world;
		String deputy = w.city1Deputy.code();
		String county2 = w.county2Principal.code();
		String city2 = w.city2Principal.code();
		String findingKey = this.finding.id();
		Map<TransferKind, Case> cases = new LinkedHashMap<>();

		cases.put(TransferKind.ORGANIZATIONS,
				new Case(Workbooks.create()
					.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码", "撤销日期"),
							row("X3", "三县党委", "党委", "县级", "C2", null), row("X3-T1", "三县一镇", "乡镇街道", "乡镇级", "X3", null),
							row("X3-T2", "三县二镇", "乡镇街道", "乡镇级", "X3", LocalDate.of(2026, 1, 31)),
							row("X2", "X2党委", "党委", "县级", "C2", null)),
						3, 1, () -> {
							Organization x3 = this.organizations.findByCode("X3").orElseThrow();
							assertThat(x3.path()).containsExactly(w.province.id(), w.city2.id(), x3.id());
							assertThat(x3.dissolvedOn()).isNull();
							Organization t2 = this.organizations.findByCode("X3-T2").orElseThrow();
							assertThat(t2.parentId()).isEqualTo(x3.id());
							assertThat(t2.kind()).isEqualTo(OrgKind.TOWNSHIP);
							assertThat(t2.dissolvedOn()).isEqualTo(LocalDate.of(2026, 1, 31));
							assertThat(this.organizations.findByCode("X3-T1").orElseThrow().dissolvedOn()).isNull();
						},
						Workbooks.create()
							.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码", "撤销日期"),
									row("X4", "四县", "党委", "县级", "ZZ", null), row("X5", null, "党委", "县级", "C2", null),
									row("X6", "六县", "党委", "县级", "C2", LocalDate.of(2099, 1, 1)),
									row("X7", "七县", "党委", "县级", "C2", "2025-02-30"),
									row("X2", "X2党委", "党委", "县级", "C2", LocalDate.of(2023, 6, 30)),
									row("C1", "C1党委", "党委", "市级", "P", LocalDate.of(2026, 1, 1)),
									row("X2-T9", "某镇", "乡镇街道", "乡镇级", "X2", null)),
						List.of(tuple(2, "上级组织代码", "no organization has code 'ZZ' (neither stored nor in this file)"),
								tuple(3, "组织名称", "is required"), tuple(4, "撤销日期", "is after today"),
								tuple(5, "撤销日期", "is not a date (write it as 2024-01-31)"),
								tuple(6, "撤销日期", "is before a post there starts (2024-01-01)"),
								tuple(7, "撤销日期", "organization 'X1' below it is not dissolved"))));

		cases.put(TransferKind.CADRES, new Case(Workbooks.create()
			.sheet("干部", row("干部编号", "姓名",
					"出生年份"), row("G-001", "欧阳修", 1970), row("G-002", "李清照, \"易安\"", null), row(deputy, "一市副市长", 1975)),
				2, 1,
				() -> assertThat(this.cadres.findAll()).extracting(Cadre::code, Cadre::name, Cadre::birthYear)
					.contains(tuple("G-001", "欧阳修", 1970), tuple("G-002", "李清照, \"易安\"", null),
							tuple(deputy, "一市副市长", 1975)),
				Workbooks.create()
					.sheet("干部", row("干部编号", "姓名", "出生年份"), row("G-1", "甲", 1970), row("G-2", null, 1800),
							row("G-1", "乙", "abc"), row(deputy, "改名", 1975)),
				List.of(tuple(3, "姓名", "is required"), tuple(3, "出生年份", "must be between 1900 and 2026"),
						tuple(4, "出生年份", "is not a whole number"), tuple(4, "干部编号", "duplicates row 2"),
						tuple(5, "姓名", "already exists with another name (stored: 一市副市长, file: 改名)"))));

		cases.put(TransferKind.APPOINTMENTS,
				new Case(Workbooks.create()
					.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
							row(deputy, "X2", "班子成员", "挂职干部", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
							row(county2, "C2", "副职", "市委常委", "2025-03-01", null),
							row(city2, "C2", "一把手", "一把手", World.SINCE, null),
							row(deputy, "X1", "一把手", "县委书记", "2026年1月1日", null)),
						3, 1, () -> {
							assertThat(this.appointments.findByCadreId(w.city1Deputy.id()))
								.extracting((a) -> a.organizationId(), Appointment::role, Appointment::start,
										Appointment::end)
								.containsExactlyInAnyOrder(tuple(w.city1.id(), TeamRole.DEPUTY, World.SINCE, null),
										tuple(w.county2.id(), TeamRole.MEMBER, LocalDate.of(2025, 1, 1),
												LocalDate.of(2025, 12, 31)),
										tuple(w.county1.id(), TeamRole.PRINCIPAL, LocalDate.of(2026, 1, 1), null));
							assertThat(this.cadres.findById(w.city1Deputy.id()).orElseThrow().orgScope())
								.contains(w.county1.id(), w.county2.id(), w.city2.id());
							assertThat(this.appointments.findByCadreId(w.county2Principal.id()))
								.extracting(Appointment::title)
								.contains("市委常委");
							Document seat = this.mongo.findById(w.county1.id(), Document.class, "principal_seats");
							assertThat(seat.getList("terms", Document.class)).extracting((t) -> t.getString("cadreId"))
								.containsExactly(w.city1Deputy.id());
						},
						Workbooks.create()
							.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
									row("G-NONE", "C1", "副职", "副市长", "2025-01-01", null),
									row(deputy, "X2", "一把手", "书记", "2025-01-01", null),
									row(deputy, "X1", "副职", "副书记", "2025-05-01", "2025-04-30"),
									row(deputy, "X1", "副局长", "副书记", "2025-06-01", null),
									row(county2, "X1", "班子成员", "委员", "2025/13/01", null)),
						List.of(tuple(2, "干部编号", "no cadre has code 'G-NONE' (neither stored nor in this file)"),
								tuple(3, "任职开始日期", "the organization already has a principal from 2024-01-01 ~ "),
								tuple(4, "任职结束日期", "must not be before the start"),
								tuple(5, "班子角色", "is not one of: 一把手、纪委书记/纪检组长、副职、班子成员"),
								tuple(6, "任职开始日期", "is not a date (write it as 2024-01-31)"))));

		cases.put(TransferKind.TALKS,
				new Case(
						Workbooks.create()
							.sheet("谈话", row("谈话类型", "谈话日期", "谈话对象干部编号", "谈话人干部编号", "组织代码", "谈话摘要", "指出的问题"),
									row("监督谈话", LocalDate.of(2026, 3, 1), county2, city2, "X2", "年度监督谈话, 要求\"从严\"",
											"问题一\n问题二"),
									row("谈心谈话", "2026-04-02", deputy,
											w.city1Principal.code() + "、" + w.city1Secretary.code(), "C1", null, null)),
						2, 0, () -> {
							assertThat(this.talks.findAll())
								.extracting(Talk::kind, Talk::date, Talk::subjectId, Talk::conductedByIds,
										Talk::organizationId, Talk::summary, Talk::issuesRaised)
								.containsExactlyInAnyOrder(
										tuple(TalkKind.SUPERVISION, LocalDate.of(2026, 3, 1), w.county2Principal.id(),
												List.of(w.city2Principal.id()), w.county2.id(), "年度监督谈话, 要求\"从严\"",
												List.of("问题一", "问题二")),
										tuple(TalkKind.HEART_TO_HEART, LocalDate.of(2026, 4, 2), w.city1Deputy.id(),
												List.of(w.city1Principal.id(), w.city1Secretary.id()), w.city1.id(),
												null, List.of()));
						},
						Workbooks.create()
							.sheet("谈话", row("谈话类型", "谈话日期", "谈话对象干部编号", "谈话人干部编号", "组织代码"),
									row("监督谈话", "2026-07-01", county2, city2, "X2"),
									row("谈心谈话", "2026-04-02", deputy, deputy, "C1"),
									row("监督谈话", "2026-03-01", county2, city2, "ZZ"),
									row("闲聊", "2026-03-01", county2, city2, "X2")),
						List.of(tuple(2, "谈话日期", "a talk is recorded once held; it is after today"),
								tuple(3, "谈话人干部编号", "the subject cannot conduct their own talk"),
								tuple(4, "组织代码", "no organization has code 'ZZ' (neither stored nor in this file)"),
								tuple(5, "谈话类型", "is not one of: " + String.join("、", TalkSheet.KINDS.labels())))));

		cases.put(TransferKind.FINDINGS, new Case(
				Workbooks.create()
					.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "涉及干部编号", "发现日期", "处置形态", "举报人"),
							row("XC-001", "巡察", "作风", "一般问题", "违规发放津贴, 多次", "X2", county2, LocalDate.of(2026, 4, 1),
									"第一种形态", null),
							row("XC-002", "信访举报", "廉洁", "严重问题", "收受礼金", "C1", null, "2026-05-01", null, "某群众"),
							row(findingKey, "巡察", "作风", "一般问题", "问题描述", "X2", null, "2026-03-01", "第一种形态", null)),
				2, 1, () -> {
					Finding first = byKey("XC-001");
					assertThat(first.source()).isEqualTo(FindingSource.INSPECTION);
					assertThat(first.category()).isEqualTo(FindingCategory.WORK_STYLE);
					assertThat(first.description()).isEqualTo("违规发放津贴, 多次");
					assertThat(first.organizationId()).isEqualTo(w.county2.id());
					assertThat(first.subjectId()).isEqualTo(w.county2Principal.id());
					assertThat(first.concernsPrincipal()).isTrue();
					assertThat(first.disposition()).isEqualTo(DispositionForm.FIRST);
					assertThat(first.status()).isEqualTo(FindingStatus.OPEN);
					Finding second = byKey("XC-002");
					assertThat(second.severity()).isEqualTo(Severity.SERIOUS);
					assertThat(second.hasInformant()).isTrue();
					assertThat(second.concernsPrincipal()).isFalse();
					assertThat(this.findings.count()).isEqualTo(3);
				},
				Workbooks.create()
					.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "涉及干部编号", "发现日期"),
							row("XC-1", "巡察", "作风", "一般问题", "描述", "X2", null, "2026-04-01"),
							row("XC-1", "巡察", "作风", "一般问题", "描述二", "X2", null, "2026-04-01"),
							row("XC-3", "巡察", "作风", "非常严重", "描述", "X2", null, "2026-04-01"),
							row("XC-4", "巡察", "作风", "一般问题", "描述", "X2", null, "2026-07-01"),
							row("XC-5", "巡察", "作风", "一般问题", "描述", "X2", "G-NONE", "2026-04-01")),
				List.of(tuple(3, "问题编号", "duplicates row 2"),
						tuple(4, "严重程度", "is not one of: " + String.join("、", FindingSheet.SEVERITIES.labels())),
						tuple(5, "发现日期", "is after today"),
						tuple(6, "涉及干部编号", "no cadre has code 'G-NONE' (neither stored nor in this file)"))));

		cases.put(TransferKind.RECTIFICATIONS,
				new Case(Workbooks.create()
					.sheet("整改", row("问题编号", "责任单位代码", "责任人干部编号", "整改方式", "整改措施", "整改期限"),
							row(findingKey, "X2", county2, "限期整改", "整改措施一", LocalDate.of(2026, 7, 1)),
							row(findingKey, "X2", null, "立行立改", "整改措施二,\n立即停止", "2026-06-30")),
						2, 0, () -> {
							assertThat(this.rectifications.findAll())
								.extracting(Rectification::findingId, Rectification::responsibleOrganizationId,
										Rectification::responsibleCadreId, Rectification::mode, Rectification::measures,
										Rectification::deadline)
								.containsExactlyInAnyOrder(
										tuple(this.finding.id(), w.county2.id(), w.county2Principal.id(),
												RectificationMode.DEADLINE, "整改措施一", LocalDate.of(2026, 7, 1)),
										tuple(this.finding.id(), w.county2.id(), null, RectificationMode.IMMEDIATE,
												"整改措施二,\n立即停止", LocalDate.of(2026, 6, 30)));
							Finding after = this.findings.findById(this.finding.id()).orElseThrow();
							assertThat(after.tasks()).isEqualTo(2);
							assertThat(after.status()).isEqualTo(FindingStatus.UNDER_RECTIFICATION);
						},
						Workbooks.create()
							.sheet("整改", row("问题编号", "责任单位代码", "责任人干部编号", "整改方式", "整改措施", "整改期限"),
									row(findingKey, "X2", null, "限期整改", "措施A", "2026-02-01"),
									row("NOPE", "X2", null, "限期整改", "措施B", "2026-07-01"),
									row(findingKey, "X2", null, "慢慢改", "措施C", "2026-07-01"),
									row(findingKey, "X2", null, "限期整改", null, "2026-07-01")),
						List.of(tuple(2, "整改期限", "must not be before the finding's reported date (2026-03-01)"),
								tuple(3, "问题编号", "no finding has key 'NOPE' (neither stored nor in this file)"),
								tuple(4, "整改方式",
										"is not one of: " + String.join("、", RectificationSheet.MODES.labels())),
								tuple(5, "整改措施", "is required"))));
		return cases;
	}

	private Finding byKey(String key) {
		Document mapped = this.mongo.findOne(Query.query(Criteria.where("_id").is("finding:" + key)), Document.class,
				ImportKeys.COLLECTION);
		assertThat(mapped).as("key " + key).isNotNull();
		return this.findings.findById(mapped.get("id").toString()).orElseThrow();
	}

}
