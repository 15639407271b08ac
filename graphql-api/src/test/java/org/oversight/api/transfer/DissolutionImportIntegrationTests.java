package org.oversight.api.transfer;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import org.oversight.api.test.ApiIntegrationTest;
import org.oversight.api.test.World;
import org.oversight.api.viewer.Role;
import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Appointments;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.organization.Organizations;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.Rectifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.oversight.api.transfer.Workbooks.row;

/**
 * 撤销日期: an organization's dissolution imported, checked as
 * {@code OrganizationService.dissolve} checks it (not before a post there starts, nothing
 * below it still existing), written after the file's posts and tasks, never changed or
 * undone by a later file.
 */
@ApiIntegrationTest
class DissolutionImportIntegrationTests extends TransferTestSupport {

	static final LocalDate MAY_31 = LocalDate.of(2026, 5, 31);

	@Autowired
	Organizations organizations;

	@Autowired
	Appointments appointments;

	@Autowired
	Rectifications rectifications;

	@Autowired
	OrganizationService organizationService;

	static Workbooks organizations(Object... rows) {
		Workbooks workbook = Workbooks.create();
		java.util.List<java.util.List<?>> all = new java.util.ArrayList<>();
		all.add(row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码", "撤销日期"));
		for (Object r : rows) {
			all.add((java.util.List<?>) r);
		}
		return workbook.sheet("组织", all.toArray(java.util.List[]::new));
	}

	@Test
	void aStoredOrganizationIsDissolvedAndItsRunningPostsEndedThatDay() {
		World world = new World(this.fixtures);
		byte[] file = organizations(row("T1", "T1党委", "党委", "乡镇级", "X1", MAY_31)).csv(CsvReader.GB18030, false);

		Upload upload = adminUpload("organizations", null, "o.csv", file);

		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().rejected()).isEmpty();
		assertThat(upload.result().updated()).isEqualTo(1);
		assertThat(this.organizations.findByCode("T1").orElseThrow().dissolvedOn()).isEqualTo(MAY_31);
		assertThat(this.appointments.findByOrganizationId(world.township1.id())).extracting(Appointment::end)
			.containsExactly(MAY_31);

		Upload again = adminUpload("organizations", null, "o.csv", file);
		assertThat(again.result().updated()).isZero();
		assertThat(again.result().unchanged()).isEqualTo(1);

		// never moved to another day, never undone
		Upload other = adminUpload("organizations", null, "o.csv",
				organizations(row("T1", "T1党委", "党委", "乡镇级", "X1", "2026-05-30"),
						row("T1", "T1党委", "党委", "乡镇级", "X1", null))
					.csv(CsvReader.GB18030, false));
		assertThat(other.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(other.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reasonEn)
			.containsExactly(
					tuple(2, "撤销日期",
							"already exists with another dissolution date (stored: 2026-05-31, file: 2026-05-30)"),
					tuple(3, "组织代码", "duplicates row 2"));
		Upload empty = adminUpload("organizations", null, "o.xlsx",
				organizations(row("T1", "T1党委", "党委", "乡镇级", "X1", null)).xlsx());
		assertThat(empty.result().rejected()).extracting(ImportError::column, ImportError::reasonEn)
			.containsExactly(
					tuple("撤销日期", "already exists with another dissolution date (stored: 2026-05-31, file: 空/empty)"));
		assertThat(this.organizations.findByCode("T1").orElseThrow().dissolvedOn()).isEqualTo(MAY_31);
	}

	@Test
	void aDissolutionIsRefusedWhileSomethingBelowExistsOrBeforeAPostStarts() {
		new World(this.fixtures);
		Upload upload = adminUpload("organizations", "valid-only", "o.xlsx",
				organizations(row("X1", "X1党委", "党委", "县级", "C1", MAY_31),
						row("C2", "C2党委", "党委", "市级", "P", "2023-12-31"), row("X1-T2", "新镇", "乡镇街道", "乡镇级", "X1", null),
						row("X2-T1", "新镇", "乡镇街道", "乡镇级", "X2", LocalDate.of(2026, 1, 1)))
					.xlsx());

		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reasonEn)
			.containsExactlyInAnyOrder(tuple(2, "撤销日期", "organization 'T1' below it is not dissolved"),
					tuple(3, "撤销日期", "is before a post there starts (2024-01-01)"));
		// a new organization below one that stays may be dissolved from the start
		assertThat(upload.result().created()).isEqualTo(2);
		assertThat(this.organizations.findByCode("X1").orElseThrow().dissolvedOn()).isNull();
		assertThat(this.organizations.findByCode("X2-T1").orElseThrow().dissolvedOn())
			.isEqualTo(LocalDate.of(2026, 1, 1));

		// the whole subtree at once, the deepest first
		Upload subtree = adminUpload("organizations", null, "o.xlsx",
				organizations(row("X1", "X1党委", "党委", "县级", "C1", MAY_31),
						row("T1", "T1党委", "党委", "乡镇级", "X1", LocalDate.of(2026, 4, 30)),
						row("X1-T2", "新镇", "乡镇街道", "乡镇级", "X1", LocalDate.of(2026, 4, 30)))
					.xlsx());
		assertThat(subtree.result().rejected()).isEmpty();
		assertThat(subtree.result().updated()).isEqualTo(3);
		assertThat(this.organizations.findByCode("X1").orElseThrow().dissolvedOn()).isEqualTo(MAY_31);
		assertThat(this.organizations.findByCode("T1").orElseThrow().dissolvedOn())
			.isEqualTo(LocalDate.of(2026, 4, 30));
	}

	@Test
	void aRosterRecordsPostsAndTasksBeforeTheDissolutionAndACutOffImportIsCompleted() {
		// as if an earlier import of the same file stopped after the organizations
		Organization p = this.organizationService.create(new OrganizationService.CreateOrganization("P", "省委",
				OrgKind.PARTY_COMMITTEE, OrgLevel.PROVINCE, null));
		this.organizationService.create(new OrganizationService.CreateOrganization("C9", "九市党委",
				OrgKind.PARTY_COMMITTEE, OrgLevel.CITY, p.id()));
		Workbooks roster = Workbooks.create()
			.sheet("组织", row("组织代码", "组织名称", "组织类型", "组织层级", "上级组织代码", "撤销日期"), row("P", "省委", "党委", "省级", null, null),
					row("C9", "九市党委", "党委", "市级", "P", MAY_31), row("C9-X1", "九市一县", "党委", "县级", "C9", MAY_31))
			.sheet("干部", row("干部编号", "姓名"), row("G1", "张三"), row("G2", "李四"))
			.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
					row("G1", "C9", "一把手", "市委书记", "2024-01-01", MAY_31),
					row("G2", "C9-X1", "班子成员", "县委常委", "2024-01-01", "2026-05-01"))
			.sheet("问题", row("问题编号", "问题来源", "问题类别", "严重程度", "问题描述", "组织代码", "发现日期"),
					row("F-1", "巡察", "作风", "一般问题", "撤销前发现的问题", "C9", "2026-02-01"))
			.sheet("整改", row("问题编号", "责任单位代码", "整改方式", "整改措施", "整改期限"),
					row("F-1", "C9", "限期整改", "撤销前交办的整改", "2026-04-30"));

		Upload upload = adminUpload("roster", null, "r.xlsx", roster.xlsx());

		assertThat(upload.status()).isEqualTo(HttpStatus.OK);
		assertThat(upload.result().rejected()).isEmpty();
		assertThat(upload.result().unchanged()).isEqualTo(1);
		assertThat(upload.result().updated()).as("C9, stored while it existed, dissolved now").isEqualTo(1);
		assertThat(upload.result().created()).isEqualTo(1 + 2 + 2 + 1 + 1);
		assertThat(this.organizations.findByCode("C9").orElseThrow().dissolvedOn()).isEqualTo(MAY_31);
		assertThat(this.organizations.findByCode("C9-X1").orElseThrow().dissolvedOn()).isEqualTo(MAY_31);
		assertThat(this.rectifications.findAll()).extracting(Rectification::measures).containsExactly("撤销前交办的整改");
		Upload again = adminUpload("roster", null, "r.xlsx", roster.xlsx());
		assertThat(again.result().rejected()).isEmpty();
		assertThat(again.result().unchanged()).isEqualTo(9);

		// a post or a task the file gives a dissolved organization afterwards is refused
		Upload late = adminUpload("roster", "check", "r.xlsx",
				Workbooks.create()
					.sheet("任职", row("干部编号", "组织代码", "班子角色", "职务", "任职开始日期", "任职结束日期"),
							row("G2", "C9", "班子成员", "市委常委", "2024-01-01", null),
							row("G1", "C9-X1", "班子成员", "县委常委", "2026-06-01", null))
					.sheet("整改", row("问题编号", "责任单位代码", "整改方式", "整改措施", "整改期限"),
							row("F-1", "C9", "限期整改", "撤销后的整改", "2026-08-31"))
					.xlsx());
		assertThat(late.result().rejected())
			.extracting(ImportError::sheet, ImportError::row, ImportError::column, ImportError::reasonEn)
			.containsExactlyInAnyOrder(
					tuple("任职", 2, "任职结束日期", "must be given and not after the organization was dissolved (2026-05-31)"),
					tuple("任职", 3, "任职开始日期", "is after the organization was dissolved (2026-05-31)"),
					tuple("整改", 2, "责任单位代码", "the organization was dissolved on 2026-05-31"));
	}

	@Test
	void aScopedAccountDissolvesOnlyInsideItsScope() {
		World world = new World(this.fixtures);
		account("c2org", world.city2.id(), null, Role.ORGANIZATION);

		Upload upload = upload("c2org", PASSWORD, "organizations", "valid-only", "o.xlsx",
				organizations(row("X2", "X2党委", "党委", "县级", "C2", MAY_31), row("T1", "T1党委", "党委", "乡镇级", "X1", MAY_31))
					.xlsx());

		assertThat(upload.result().updated()).isEqualTo(1);
		assertThat(upload.result().rejected()).extracting(ImportError::row, ImportError::column, ImportError::reason)
			.containsExactly(tuple(3, "组织代码", ScopedImportIntegrationTests.OUTSIDE));
		assertThat(this.organizations.findByCode("X2").orElseThrow().dissolvedOn()).isEqualTo(MAY_31);
		assertThat(this.organizations.findByCode("T1").orElseThrow().dissolvedOn()).isNull();
	}

}
