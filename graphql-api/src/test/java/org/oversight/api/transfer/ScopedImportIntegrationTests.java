package org.oversight.api.transfer;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Appointments;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.Findings;
import org.oversight.core.finding.Severity;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.Organizations;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.Rectifications;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.Talks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oversight.api.transfer.Workbooks.row;

/**
 * An import by a scoped account creates and changes nothing outside its subtree: every
 * row that would is refused with the reason, whatever the mode.
 */
@ApiIntegrationTest
class ScopedImportIntegrationTests extends TransferTestSupport {

	static final String OUTSIDE = "超出您的组织范围";

	@Autowired
	Organizations organizations;

	@Autowired
	Appointments appointments;

	@Autowired
	Findings findings;

	@Autowired
	Rectifications rectifications;

	@Autowired
	Talks talks;

	World world;

	@BeforeEach
	void world() {
		this.world = new World(this.fixtures);
		account("c2org", this.world.city2.id(), null, Role.ORGANIZATION);
		account("c2inspector", this.world.city2.id(), null, Role.INSPECTOR);
	}

	@Test
	void organizationsOutsideTheScopeAreNeitherCreatedNorTouched() {
		long before = this.organizations.count();
		byte[] file = Workbooks.create()
			.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码"), row("X2A", "二县甲镇", "乡镇街道", "乡镇级", "X2"),
					row("C1A", "一市某局", "部门", "市级", "C1"), row("TOP", "另一个省", "党委", "省级", null),
					row("C1", "C1党委", "党委", "市级", "P"), row("X2A1", "甲村", "村社区", "村级", "X2A"))
			.xlsx();

		Upload strict = upload("c2org", PASSWORD, "organizations", null, "o.xlsx", file);
		assertThat(strict.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(this.organizations.count()).isEqualTo(before);

		Upload upload = upload("c2org", PASSWORD, "organizations", "valid-only", "o.xlsx", file);
		assertThat(upload.result().created()).isEqualTo(2);
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reason)
			.containsExactlyInAnyOrder(tuple(3, "上级组织代码", OUTSIDE), tuple(4, "上级组织代码", "限定范围的账号不能创建顶级组织"),
					tuple(5, "组织代码", OUTSIDE));
		assertThat(this.organizations.count()).isEqualTo(before + 2);
		Organization village = this.organizations.findByCode("X2A1").orElseThrow();
		assertThat(village.path()).contains(this.world.city2.id());
		assertThat(this.organizations.findByParentIdOrderByCodeAsc(this.world.city1.id()))
			.extracting(Organization::code)
			.containsExactly("X1");
	}

	@Test
	void postsOutsideTheScopeAreRefusedAndCadresPostedOnlyOutsideAreNotTouched() {
		long before = this.appointments.count();
		Upload upload = upload("c2org", PASSWORD, "appointments", "valid-only", "a.xlsx",
				Workbooks.create()
					.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期"),
							row(this.world.county2Principal.code(), "C1", "班子成员", "挂职", "2026-01-01"),
							row(this.world.county2Principal.code(), "C2", "班子成员", "市委常委", "2026-01-01"))
					.xlsx());
		assertThat(upload.result().created()).isEqualTo(1);
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reason)
			.containsExactly(tuple(2, "组织代码", OUTSIDE));
		assertThat(this.appointments.count()).isEqualTo(before + 1);
		assertThat(this.appointments.findByOrganizationId(this.world.city1.id())).extracting(Appointment::cadreId)
			.doesNotContain(this.world.county2Principal.id());

		Upload cadres = upload("c2org", PASSWORD, "cadres", null, "c.csv",
				Workbooks.utf8("干部编号,姓名,出生年份\n" + this.world.city1Principal.code() + ",一市书记,1975\n"
						+ this.world.county2Principal.code() + ",二县书记,1975\n"));
		assertThat(cadres.result().rejected()).extracting(ImportError::row, ImportError::reason)
			.containsExactly(tuple(2, OUTSIDE));
	}

	@Test
	void findingsAndTasksOutsideTheScopeAreRefused() {
		Finding outside = this.fixtures.finding(this.world.township1, this.world.township1Principal, Severity.SERIOUS,
				LocalDate.of(2026, 3, 1));
		Finding inside = this.fixtures.finding(this.world.county2, null, Severity.GENERAL, LocalDate.of(2026, 3, 1));
		long findingsBefore = this.findings.count();
		byte[] file = Workbooks.create()
			.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "发现日期"),
					row("IN-1", "巡察", "作风", "一般问题", "范围内的问题", "X2", "2026-04-01"),
					row("OUT-1", "巡察", "作风", "一般问题", "范围外的问题", "T1", "2026-04-01"),
					row(outside.id(), "巡察", "作风", "严重问题", "问题描述", "T1", "2026-03-01"))
			.sheet("整改", row("问题编号", "责任单位代码", "整改方式", "整改措施", "整改期限"),
					row(outside.id(), "T1", "限期整改", "范围外问题的整改", "2026-08-01"),
					row(inside.id(), "C1", "限期整改", "交给范围外单位", "2026-08-01"),
					row(inside.id(), "X2", "立行立改", "范围内的整改", "2026-08-01"),
					row("IN-1", "C2", "限期整改", "新问题的整改", "2026-08-01"))
			.xlsx();

		Upload upload = upload("c2inspector", PASSWORD, "roster", "valid-only", "r.xlsx", file);

		assertThat(upload.result().created()).isEqualTo(3);
		assertThat(upload.result().rejected())
			.extracting(ImportError::sheet, ImportError::row, ImportError::column, ImportError::reason)
			.containsExactlyInAnyOrder(tuple("问题", 3, "组织代码", OUTSIDE), tuple("问题", 4, "组织代码", OUTSIDE),
					tuple("整改", 2, "问题编号", OUTSIDE), tuple("整改", 2, "责任单位代码", OUTSIDE),
					tuple("整改", 3, "责任单位代码", OUTSIDE));
		assertThat(this.findings.count()).isEqualTo(findingsBefore + 1);
		assertThat(this.rectifications.findAll()).extracting(Rectification::measures)
			.containsExactlyInAnyOrder("范围内的整改", "新问题的整改");
		assertThat(this.findings.findById(outside.id()).orElseThrow().tasks()).isZero();
	}

	@Test
	void talksOutsideTheScopeAreRefused() {
		byte[] file = Workbooks.create()
			.sheet("谈话", row("谈话类型", "谈话日期", "谈话对象干部编号", "谈话人干部编号", "组织代码"),
					row("监督谈话", "2026-03-01", this.world.county2Principal.code(), this.world.city2Principal.code(),
							"X2"),
					row("谈心谈话", "2026-03-02", this.world.city1Deputy.code(), this.world.city1Principal.code(), "C1"),
					row("监督谈话", "2026-03-03", this.world.city2Principal.code(), this.world.provincePrincipal.code(),
							"P"))
			.csv(CsvReader.GB18030, false);

		Upload strict = upload("c2org", PASSWORD, "talks", null, "t.csv", file);
		assertThat(strict.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(this.talks.count()).isZero();

		Upload upload = upload("c2org", PASSWORD, "talks", "valid-only", "t.csv", file);
		assertThat(upload.result().created()).isEqualTo(1);
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reason)
			.containsExactlyInAnyOrder(tuple(3, "组织代码", OUTSIDE), tuple(4, "组织代码", OUTSIDE));
		assertThat(this.talks.findAll()).extracting(Talk::organizationId).containsExactly(this.world.county2.id());
	}

	@Test
	void aFindingAboutTheCadreTheAccountIsLinkedToIsRefused() {
		account("linked", this.world.city2.id(), this.world.county2Principal.id(), Role.INSPECTOR);

		Upload upload = upload("linked", PASSWORD, "findings", "valid-only", "f.csv",
				Workbooks.utf8("问题编号,问题来源,问题类别,严重程度,问题描述,组织代码,涉及干部编号,发现日期\n" + "F-1,巡察,作风,一般问题,关于本人的问题,X2,"
						+ this.world.county2Principal.code() + ",2026-04-01\n" + "F-2,巡察,作风,一般问题,关于他人的问题,X2,"
						+ this.world.city2Principal.code() + ",2026-04-01\n"));

		assertThat(upload.result().created()).isEqualTo(1);
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reasonEn)
			.containsExactly(tuple(2, "涉及干部编号", "cannot concern the cadre your account is linked to"));
		assertThat(this.findings.findAll()).extracting(Finding::subjectId)
			.doesNotContain(this.world.county2Principal.id());
	}

}
