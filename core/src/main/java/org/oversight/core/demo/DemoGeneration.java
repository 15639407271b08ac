package org.oversight.core.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.demo.DemoModel.Link;
import org.oversight.core.demo.DemoModel.Org;
import org.oversight.core.demo.DemoModel.Person;
import org.oversight.core.demo.DemoModel.Post;
import org.oversight.core.demo.DemoModel.Unit;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingService;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.Severity;
import org.oversight.core.meeting.RecordsService;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.OverdueSweep;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.rectification.ReminderLevel;
import org.oversight.core.supervision.SupervisionKind;
import org.oversight.core.supervision.SupervisionService;
import org.oversight.core.talk.TalkKind;
import org.oversight.core.talk.TalkService;

/**
 * One load of the demo province: plans in memory, writes through the services, in a fixed
 * order with one {@link Random}. Never reused.
 */
final class DemoGeneration extends SeededDraws {

	private static final Logger logger = LoggerFactory.getLogger(DemoGeneration.class);

	private final DemoProvince services;

	private final DemoScale shape;

	private final DemoNames names;

	private final LocalDate today;

	private final int year;

	/** 1 January three years before this one: the first day talks and findings cover. */
	private final LocalDate windowStart;

	/** The share of this year already past, so this year's counts are in proportion. */
	private final double yearElapsed;

	private final List<Org> orgs = new ArrayList<>();

	private final List<Person> people = new ArrayList<>();

	private final List<Post> posts = new ArrayList<>();

	private final Set<String> provinceStems = new HashSet<>();

	private final List<TaskRecord> overdueTasks = new ArrayList<>();

	private int talkCount;

	private int findingCount;

	private int dismissedCount;

	private int taskCount;

	private int meetingCount;

	private int interferenceCount;

	private int dutyReportCount;

	private int supervisionCount;

	private int stepCount;

	/** An overdue task written, with the organization it was last given to. */
	private record TaskRecord(String id, Org org, LocalDate deadline) {
	}

	/** A finding planned before it is registered. */
	private record FindingPlan(Org org, FindingSource source, FindingCategory category, Severity severity,
			LocalDate reportedOn, Post subject, DispositionForm disposition, String informant, String description) {
	}

	/** The statuses a planned task ends in. */
	private enum Outcome {

		ASSIGNED, IN_PROGRESS, SUBMITTED, VERIFIED

	}

	DemoGeneration(DemoProvince services, DemoScale shape, long seed) {
		super(seed);
		this.services = services;
		this.shape = shape;
		this.names = new DemoNames(this.random);
		this.today = services.today.date();
		this.year = this.today.getYear();
		this.windowStart = LocalDate.of(this.year - 3, 1, 1);
		this.yearElapsed = this.today.getDayOfYear() / (double) this.today.lengthOfYear();
	}

	DemoProvince.Summary run() {
		long started = System.nanoTime();
		buildTree();
		createOrganizations();
		phase("organizations", started);
		staff();
		appointCadres();
		phase("cadres and appointments", started);
		storedSupervisions();
		routineTalks();
		phase("routine talks", started);
		meetings();
		findings();
		phase("meetings, findings and rectification", started);
		sweeps();
		interferenceRecords();
		dutyReports();
		phase("sweeps and records", started);
		return new DemoProvince.Summary(this.orgs.size(), this.people.size(), this.posts.size(), this.talkCount,
				this.findingCount, this.dismissedCount, this.taskCount, this.overdueTasks.size(), this.meetingCount,
				this.interferenceCount, this.dutyReportCount, this.supervisionCount, this.stepCount);
	}

	private void phase(String name, long started) {
		logger.debug("Demo province: {} done after {} ms", name, (System.nanoTime() - started) / 1_000_000);
	}

	// ---- the tree ------------------------------------------------------------------

	private void buildTree() {
		Org province = body(null, "P01", DemoTexts.PROVINCE, OrgLevel.PROVINCE, 0);
		int bodyIndex = 1;
		for (int c = 1; c <= this.shape.cities(); c++) {
			String cityStem = this.names.placeStem(this.provinceStems, null);
			Org city = body(province, province.code + code("-C", c), cityStem + "市", OrgLevel.CITY, bodyIndex++);
			for (int k = 1; k <= this.shape.countiesPerCity(); k++) {
				boolean district = k == 1 || chance(0.15);
				String countyStem = this.names.placeStem(this.provinceStems, cityStem);
				Org county = body(city, city.code + code("-X", k), countyStem + (district ? "区" : "县"), OrgLevel.COUNTY,
						bodyIndex++);
				townships(county, countyStem, district);
			}
		}
	}

	/**
	 * A body: its party committee with the government, discipline commission,
	 * departments, an enterprise and an institution below it. Returns the committee.
	 */
	private Org body(Org parent, String code, String place, OrgLevel level, int index) {
		Org committee = add(
				new Org(code, place + "委", OrgKind.PARTY_COMMITTEE, level, parent, Unit.COMMITTEE, null, place));
		add(new Org(code + "-GOV", place + "人民政府", OrgKind.GOVERNMENT, level, committee, Unit.GOVERNMENT, committee,
				place));
		add(new Org(code + "-JW", place + "纪委监委", OrgKind.DISCIPLINE_COMMISSION, level, committee, Unit.COMMISSION,
				committee, place));
		boolean province = level == OrgLevel.PROVINCE;
		List<Org> departments = new ArrayList<>();
		for (int i = 0; i < this.shape.departmentsPerBody(); i++) {
			DemoTexts.Department department = DemoTexts.DEPARTMENTS.get(i);
			String name = department.party() ? place + "委" + department.name() : place + department.nameAt(province);
			Org org = add(new Org(code + code("-D", i + 1), name, OrgKind.DEPARTMENT, level, committee, Unit.DEPARTMENT,
					committee, place));
			org.department = department;
			departments.add(org);
		}
		String enterprise = switch (level) {
			case PROVINCE -> "交通投资集团有限公司";
			case CITY -> "城市建设投资集团有限公司";
			default -> "国有资本投资运营有限公司";
		};
		add(new Org(code + "-E01", place + enterprise, OrgKind.ENTERPRISE, level, committee, Unit.ENTERPRISE, committee,
				place));
		if (index % 2 == 0) {
			Org education = departments.get(DemoTexts.EDUCATION);
			add(new Org(education.code + "-S01", place + (province ? "实验中学" : "第一中学"), OrgKind.INSTITUTION, level,
					education, Unit.SCHOOL, committee, place));
		}
		else {
			Org health = departments.get(DemoTexts.HEALTH);
			add(new Org(health.code + "-H01", place + "人民医院", OrgKind.INSTITUTION, level, health, Unit.HOSPITAL,
					committee, place));
		}
		return committee;
	}

	private void townships(Org county, String countyStem, boolean district) {
		Set<String> townshipStems = new HashSet<>();
		for (int t = 1; t <= this.shape.townshipsPerCounty(); t++) {
			String stem = this.names.placeStem(townshipStems, countyStem);
			String word = district ? (chance(0.6) ? "街道" : "镇") : (chance(0.75) ? "镇" : "乡");
			Org township = add(new Org(county.code + code("-T", t), stem + word, OrgKind.TOWNSHIP, OrgLevel.TOWNSHIP,
					county, Unit.TOWNSHIP, county, stem + word));
			Set<String> villageStems = new HashSet<>();
			for (int v = 1; v <= this.shape.villagesPerTownship(); v++) {
				String villageStem = this.names.placeStem(villageStems, stem);
				boolean community = word.equals("街道") || chance(0.12);
				String name = villageStem + (community ? "社区" : "村");
				add(new Org(township.code + code("-V", v), name, OrgKind.COMMUNITY, OrgLevel.VILLAGE, township,
						Unit.VILLAGE, county, name));
			}
		}
	}

	private Org add(Org org) {
		this.orgs.add(org);
		return org;
	}

	private static String code(String prefix, int number) {
		return prefix + String.format(Locale.ROOT, "%02d", number);
	}

	private void createOrganizations() {
		for (Org org : this.orgs) {
			org.id = this.services.organizations
				.create(new OrganizationService.CreateOrganization(org.code, org.name, org.kind, org.level,
						(org.parent != null) ? org.parent.id : null))
				.id();
		}
	}

	// ---- teams ---------------------------------------------------------------------

	/** "省", "市", "县" or "区": the word of the body's level, from its place name. */
	private static String levelWord(Org org) {
		String place = org.committee.place;
		return place.substring(place.length() - 1);
	}

	private static String governmentHead(String levelWord) {
		return levelWord + "长";
	}

	/** Birth years of a current principal at the level: {lowest, highest}. */
	private static int[] birthYears(OrgLevel level) {
		return switch (level) {
			case PROVINCE -> new int[] { 1962, 1967 };
			case CITY -> new int[] { 1964, 1972 };
			case COUNTY -> new int[] { 1967, 1980 };
			case TOWNSHIP -> new int[] { 1975, 1990 };
			case VILLAGE -> new int[] { 1962, 1990 };
		};
	}

	private void staff() {
		for (Org org : this.orgs) {
			staff(org);
		}
	}

	private void staff(Org org) {
		String lw = levelWord(org);
		boolean province = org.level == OrgLevel.PROVINCE;
		List<String> deputies = new ArrayList<>();
		List<String> members = new ArrayList<>();
		String disciplineSecretary = null;
		switch (org.unit) {
			case COMMITTEE -> {
				org.principalTitle = lw + "委书记";
				repeat(between(1, 2), deputies, (i) -> lw + "委副书记");
				repeat(between(0, 1), members, (i) -> lw + "委常委、秘书长");
			}
			case GOVERNMENT -> {
				String head = governmentHead(lw);
				org.principalTitle = head;
				repeat(between(1, 3), deputies, (i) -> (i == 0) ? "常务副" + head : "副" + head);
				repeat(between(1, 2), members, (i) -> (i == 0) ? lw + "政府秘书长" : lw + "政府党组成员");
				org.links.add(new Link(org.committee, TeamRole.DEPUTY, lw + "委副书记、" + head));
			}
			case COMMISSION -> {
				org.principalTitle = lw + "纪委书记、" + lw + "监委主任";
				repeat(between(1, 2), deputies, (i) -> lw + "纪委副书记、" + lw + "监委副主任");
				repeat(between(1, 2), members, (i) -> lw + "纪委常委、派驻第" + DemoTexts.ORDINALS.get(i) + "纪检监察组组长");
				org.links.add(new Link(org.committee, TeamRole.DISCIPLINE_SECRETARY,
						lw + "委常委、" + lw + "纪委书记、" + lw + "监委主任"));
			}
			case DEPARTMENT -> {
				DemoTexts.Department department = org.department;
				String head = department.headAt(province);
				if (department.party()) {
					org.principalTitle = head;
					repeat(between(1, 3), deputies, (i) -> (i == 0) ? "常务副" + head : "副" + head);
					repeat(between(1, 2), members, (i) -> department.name().endsWith("部") ? "部务委员" : "委员");
					String shortName = department.name().replace("委员会", "委");
					org.links.add(new Link(org.committee, TeamRole.MEMBER, lw + "委常委、" + shortName + head));
				}
				else {
					org.principalTitle = "党组书记、" + head;
					repeat(between(1, 3), deputies, (i) -> "党组成员、副" + head);
					if (chance(0.5)) {
						disciplineSecretary = "党组成员、纪检组长";
					}
					repeat(between(1, 2), members, (i) -> "党组成员");
				}
			}
			case ENTERPRISE -> {
				org.principalTitle = "党委书记、董事长";
				repeat(between(1, 3), deputies, (i) -> (i == 0) ? "党委副书记、总经理" : "副总经理");
				disciplineSecretary = "党委委员、纪委书记";
				repeat(between(1, 2), members, (i) -> (i == 0) ? "党委委员、总会计师" : "党委委员、工会主席");
			}
			case SCHOOL, HOSPITAL -> {
				String head = (org.unit == Unit.SCHOOL) ? "校长" : "院长";
				org.principalTitle = "党委书记";
				repeat(between(1, 2), deputies, (i) -> (i == 0) ? "党委副书记、" + head : "副" + head);
				if (chance(0.5)) {
					disciplineSecretary = "党委委员、纪委书记";
				}
				repeat(between(1, 2), members, (i) -> "党委委员");
			}
			case TOWNSHIP -> {
				boolean street = org.name.endsWith("街道");
				String word = org.name.substring(org.name.length() - 1);
				org.principalTitle = street ? "街道党工委书记" : word + "党委书记";
				repeat(between(1, 3), deputies, (i) -> {
					if (i == 0) {
						return street ? "街道党工委副书记、办事处主任" : word + "党委副书记、" + word + "长";
					}
					return street ? "街道办事处副主任" : "副" + word + "长";
				});
				disciplineSecretary = street ? "街道纪工委书记" : word + "纪委书记";
				String committeeWord = street ? "党工委委员、" : "党委委员、";
				List<String> roles = List.of("组织委员", "宣传委员", "武装部部长");
				repeat(between(1, 3), members, (i) -> committeeWord + roles.get(i));
				Org county = org.parent;
				if (county.children.stream().filter((o) -> o.unit == Unit.TOWNSHIP).findFirst().orElse(null) == org
						&& chance(0.5)) {
					org.links.add(new Link(county, TeamRole.MEMBER,
							levelWord(county) + "委常委、" + org.name + (street ? "党工委书记" : "党委书记")));
				}
			}
			case VILLAGE -> {
				boolean community = org.name.endsWith("社区");
				org.principalTitle = community ? "社区党委书记、居委会主任" : (chance(0.7) ? "村党支部书记、村委会主任" : "村党支部书记");
				deputies.add(community ? "社区党委副书记" : "村委会副主任");
				repeat(between(1, 2), members, (i) -> community ? "社区两委委员" : "村两委委员");
			}
		}
		int[] years = birthYears(org.level);
		List<Post> ownDeputies = new ArrayList<>();
		for (String title : deputies) {
			ownDeputies.add(seat(org, TeamRole.DEPUTY, title, years));
		}
		if (disciplineSecretary != null) {
			seat(org, TeamRole.DISCIPLINE_SECRETARY, disciplineSecretary, years);
		}
		for (String title : members) {
			seat(org, TeamRole.MEMBER, title, years);
		}
		principalTerms(org, ownDeputies, years);
	}

	private interface Titles {

		String title(int index);

	}

	private static void repeat(int count, List<String> into, Titles titles) {
		for (int i = 0; i < count; i++) {
			into.add(titles.title(i));
		}
	}

	/**
	 * A non-principal post: usually one holder since some time in the last six years; one
	 * in seven was handed over during the last three years.
	 */
	private Post seat(Org org, TeamRole role, String title, int[] years) {
		if (chance(0.15)) {
			LocalDate change = this.today.minusDays(between(20, 1000));
			LocalDate start = change.minusDays(between(400, 2500));
			addPost(person(years[0] - 4, years[1] - 3), org, role, title, start, change.minusDays(1));
			return addPost(person(years[0] + 2, years[1] + 5), org, role, title, change, null);
		}
		return addPost(person(years[0] + 2, years[1] + 5), org, role, title, this.today.minusDays(between(60, 2400)),
				null);
	}

	/**
	 * The principal terms: about 5% of organizations are vacant today, about 30% had a
	 * new principal within the last three years (a quarter of them promoted from the
	 * team's deputies, some after a vacant spell), the rest have had the same principal
	 * since before that.
	 */
	private void principalTerms(Org org, List<Post> ownDeputies, int[] years) {
		double draw = this.random.nextDouble();
		if (!org.isRoot() && draw < 0.05) {
			LocalDate end = this.today.minusDays(between(10, 150));
			principal(org, person(years[0] - 4, years[1] - 3), end.minusDays(between(700, 2400)), end);
		}
		else if (draw < 0.35) {
			LocalDate change = dayIn(this.windowStart, this.today.minusDays(10));
			int gap = chance(0.15) ? between(5, 60) : 0;
			LocalDate previousEnd = change.minusDays(1 + gap);
			principal(org, person(years[0] - 4, years[1] - 3), previousEnd.minusDays(between(700, 2400)), previousEnd);
			Person successor = null;
			if (chance(0.25)) {
				for (int i = 0; i < ownDeputies.size(); i++) {
					Post deputy = ownDeputies.get(i);
					if (deputy.end == null && deputy.start.isBefore(change.minusDays(90))) {
						deputy.end = change.minusDays(1);
						ownDeputies.set(i, addPost(person(years[0] + 2, years[1] + 5), org, TeamRole.DEPUTY,
								deputy.title, change, null));
						successor = deputy.person;
						break;
					}
				}
			}
			principal(org, (successor != null) ? successor : person(years[0], years[1]), change, null);
		}
		else {
			principal(org, person(years[0], years[1]), this.windowStart.minusDays(between(30, 1800)), null);
		}
	}

	private void principal(Org org, Person person, LocalDate start, LocalDate end) {
		org.principals.add(addPost(person, org, TeamRole.PRINCIPAL, org.principalTitle, start, end));
		for (Link link : org.links) {
			addPost(person, link.target(), link.role(), link.title(), start, end);
		}
	}

	private Post addPost(Person person, Org org, TeamRole role, String title, LocalDate start, LocalDate end) {
		Post post = new Post(person, org, role, title, start, end);
		org.posts.add(post);
		this.posts.add(post);
		return post;
	}

	private Person person(int lowestBirthYear, int highestBirthYear) {
		int low = Math.max(1960, Math.min(1995, lowestBirthYear));
		int high = Math.max(low, Math.min(1995, highestBirthYear));
		Person person = new Person(String.format(Locale.ROOT, "G%06d", this.people.size() + 1), this.names.person(),
				between(low, high));
		this.people.add(person);
		return person;
	}

	private void appointCadres() {
		CadreService cadres = this.services.cadres;
		for (Person person : this.people) {
			person.id = cadres.register(new CadreService.RegisterCadre(person.code, person.name, person.birthYear))
				.id();
		}
		for (Post post : this.posts) {
			cadres.appoint(
					new CadreService.Appoint(post.person.id, post.org.id, post.role, post.title, post.start, post.end));
		}
	}

	/**
	 * Arrangements the tree cannot show: each department's principal is watched by one of
	 * the stationed discipline teams (派驻纪检监察组) of the body's commission, and each
	 * township's principal by a member of the county committee (联系乡镇).
	 */
	private void storedSupervisions() {
		SupervisionService supervisions = this.services.supervisions;
		for (Org org : this.orgs) {
			Post subject = org.principalOn(this.today);
			if (subject == null) {
				continue;
			}
			Post supervisor = null;
			SupervisionKind kind = null;
			if (org.unit == Unit.DEPARTMENT) {
				Org commission = org.committee.children.stream()
					.filter((o) -> o.unit == Unit.COMMISSION)
					.findFirst()
					.orElseThrow();
				List<Post> stationed = commission.othersOn(this.today)
					.stream()
					.filter((p) -> p.title.contains("派驻"))
					.toList();
				supervisor = stationed.isEmpty() ? null : pick(stationed);
				kind = SupervisionKind.STATIONED;
			}
			else if (org.unit == Unit.TOWNSHIP) {
				List<Post> members = org.parent.othersOn(this.today)
					.stream()
					.filter((p) -> p.role == TeamRole.MEMBER)
					.toList();
				supervisor = members.isEmpty() ? null : pick(members);
				kind = SupervisionKind.ASSIGNED;
			}
			if (supervisor == null || supervisor.person == subject.person) {
				continue;
			}
			LocalDate from = subject.start.isAfter(supervisor.start) ? subject.start : supervisor.start;
			supervisions.add(new SupervisionService.AddSupervision(supervisor.person.id, subject.person.id, kind,
					org.id, from, null));
			this.supervisionCount++;
		}
	}

	// ---- talks ---------------------------------------------------------------------

	private void routineTalks() {
		appointmentTalks();
		for (int y = this.year - 3; y <= this.year; y++) {
			supervisionTalks(y);
			heartToHeartTalks(y);
		}
		assessmentSummonses();
	}

	/**
	 * Appointment talks for principals appointed within the window: about 12% missing,
	 * most of the others within 30 days, some late. A third of new principals also get an
	 * integrity talk from the body's discipline commission; a third of new deputies an
	 * appointment talk from their own principal.
	 */
	private void appointmentTalks() {
		for (Org org : this.orgs) {
			for (Post term : org.principals) {
				if (org.isRoot() || term.start.isBefore(this.windowStart) || chance(0.12)) {
					continue;
				}
				LocalDate date = term.start.plusDays(chance(0.8) ? between(0, 30) : between(31, 120));
				if (date.isAfter(this.today) || (term.end != null && date.isAfter(term.end))) {
					continue;
				}
				Post by = org.ancestorPrincipalOn(date, 0);
				if (by == null) {
					continue;
				}
				List<Person> conductors = new ArrayList<>(List.of(by.person));
				if (chance(0.3)) {
					Post secretary = by.org.firstOn(TeamRole.DISCIPLINE_SECRETARY, date);
					if (secretary != null) {
						conductors.add(secretary.person);
					}
				}
				talk(TalkKind.APPOINTMENT, date, term.person, conductors, org,
						"任职谈话：代表" + by.org.name + "提出忠诚干净担当要求，强调履行全面从严治党第一责任人职责，管好班子、带好队伍", List.of());
				if (chance(0.33)) {
					Org commission = org.committee.children.stream()
						.filter((o) -> o.unit == Unit.COMMISSION)
						.findFirst()
						.orElse(null);
					LocalDate integrityDate = date.plusDays(between(0, 20));
					Post commissioner = (commission != null) ? commission.principalOn(integrityDate) : null;
					if (commissioner != null && !integrityDate.isAfter(this.today)) {
						talk(TalkKind.INTEGRITY, integrityDate, term.person, List.of(commissioner.person), org,
								"廉政谈话：对新任主要负责人开展任职廉政谈话，通报典型案例，提出廉洁自律要求", List.of());
					}
				}
			}
			for (Post post : org.posts) {
				if (post.role != TeamRole.DEPUTY || post.start.isBefore(this.windowStart) || !chance(0.3)) {
					continue;
				}
				LocalDate date = post.start.plusDays(between(0, 20));
				Post principal = date.isAfter(this.today) ? null : org.principalOn(date);
				if (principal != null) {
					talk(TalkKind.APPOINTMENT, date, post.person, List.of(principal.person), org,
							"任职谈话：明确分工和工作要求，提醒落实“一岗双责”", List.of());
				}
			}
		}
	}

	/**
	 * Supervision talks by an ancestor principal (usually the nearest, sometimes one
	 * further up): roughly 80% of principals a year, fewer in villages, this year in
	 * proportion to the part already past.
	 */
	private void supervisionTalks(int y) {
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = min(LocalDate.of(y, 12, 31), this.today);
		double yearShare = (y == this.year) ? Math.min(1, 0.2 + this.yearElapsed) : 1;
		double trend = 0.03 * (y - (this.year - 3));
		for (Org org : this.orgs) {
			if (org.isRoot()) {
				continue;
			}
			double p = ((org.unit == Unit.VILLAGE) ? 0.62 : 0.80) + trend;
			if (!chance(p * yearShare)) {
				continue;
			}
			LocalDate date = dayIn(from, to);
			Post subject = (date != null) ? org.principalOn(date) : null;
			if (subject == null) {
				continue;
			}
			Post by = org.ancestorPrincipalOn(date, chance(0.2) ? 1 : 0);
			if (by == null) {
				by = org.ancestorPrincipalOn(date, 0);
			}
			if (by == null) {
				continue;
			}
			List<String> issues = new ArrayList<>();
			if (chance(0.5)) {
				issues.add(pick(DemoTexts.SUPERVISION_ISSUES));
				if (chance(0.4)) {
					String second = pick(DemoTexts.SUPERVISION_ISSUES);
					if (!issues.contains(second)) {
						issues.add(second);
					}
				}
			}
			String summary = "监督谈话：听取履行全面从严治党主体责任和廉洁自律情况汇报"
					+ (issues.isEmpty() ? "，未发现明显问题，勉励继续保持" : "，指出" + String.join("、", issues) + "等问题，提出改进要求");
			talk(TalkKind.SUPERVISION, date, subject.person, List.of(by.person), org, summary, issues);
		}
	}

	/** Heart-to-heart talks of principals with their team members. */
	private void heartToHeartTalks(int y) {
		LocalDate from = LocalDate.of(y, 1, 1);
		LocalDate to = min(LocalDate.of(y, 12, 31), this.today);
		double yearShare = (y == this.year) ? this.yearElapsed : 1;
		for (Org org : this.orgs) {
			double p = ((org.unit == Unit.VILLAGE) ? 0.1 : 0.25) * yearShare;
			for (Post member : List.copyOf(org.posts)) {
				if (member.role == TeamRole.PRINCIPAL || !chance(p)) {
					continue;
				}
				LocalDate date = dayIn(max(from, member.start), (member.end != null) ? min(to, member.end) : to);
				Post principal = (date != null) ? org.principalOn(date) : null;
				if (principal == null || principal.person == member.person) {
					continue;
				}
				talk(TalkKind.HEART_TO_HEART, date, member.person, List.of(principal.person), org,
						pick(DemoTexts.HEART_TO_HEART), List.of());
			}
		}
	}

	/**
	 * Each year each city summons the principal of one county ranked low in the annual
	 * responsibility assessment, and the province one city.
	 */
	private void assessmentSummonses() {
		for (int y = this.year - 3; y < this.year; y++) {
			for (Org org : this.orgs) {
				if (org.unit != Unit.COMMITTEE || org.level == OrgLevel.COUNTY) {
					continue;
				}
				List<Org> lower = org.children.stream().filter((o) -> o.unit == Unit.COMMITTEE).toList();
				if (lower.isEmpty() || !chance(0.8)) {
					continue;
				}
				Org summoned = pick(lower);
				LocalDate date = dayIn(LocalDate.of(y + 1, 2, 10), min(LocalDate.of(y + 1, 3, 20), this.today));
				Post subject = (date != null) ? summoned.principalOn(date) : null;
				Post by = (date != null) ? org.principalOn(date) : null;
				if (subject != null && by != null) {
					talk(TalkKind.SUMMONS, date, subject.person, List.of(by.person), summoned,
							"约谈：" + y + "年度全面从严治党主体责任考核排名靠后，约谈主要负责人，督促查找差距、限期整改", List.of("主体责任考核排名靠后"));
				}
			}
		}
	}

	private void talk(TalkKind kind, LocalDate date, Person subject, List<Person> conductors, Org org, String summary,
			List<String> issues) {
		List<String> by = new ArrayList<>();
		for (Person conductor : conductors) {
			if (conductor != subject && !by.contains(conductor.id)) {
				by.add(conductor.id);
			}
		}
		if (by.isEmpty() || date.isAfter(this.today)) {
			return;
		}
		this.services.talks.record(new TalkService.RecordTalk(kind, date, subject.id, by, org.id, summary, issues));
		this.talkCount++;
	}

	// ---- meetings and findings -----------------------------------------------------

	/**
	 * A democratic life meeting per committee and township a year, held between mid
	 * December and January, its theme approved by the parent; some attended by the
	 * parent's principal or discipline secretary; a third raise a finding.
	 */
	private void meetings() {
		RecordsService records = this.services.records;
		for (int y = this.year - 4; y <= this.year; y++) {
			String theme = y + "年度民主生活会：" + DemoTexts.MEETING_THEMES.get(Math.floorMod(y, 4));
			for (Org org : this.orgs) {
				if (org.unit != Unit.COMMITTEE && org.unit != Unit.TOWNSHIP) {
					continue;
				}
				if (!chance(0.93)) {
					continue;
				}
				LocalDate date = dayIn(max(LocalDate.of(y, 12, 10), this.windowStart),
						min(LocalDate.of(y + 1, 1, 31), this.today));
				if (date == null) {
					continue;
				}
				List<String> attendees = new ArrayList<>();
				if (org.parent != null && chance(0.4)) {
					Post upper = org.parent.principalOn(date);
					if (upper != null) {
						attendees.add(upper.person.id);
					}
					Post secretary = chance(0.3) ? org.parent.firstOn(TeamRole.DISCIPLINE_SECRETARY, date) : null;
					if (secretary != null && !attendees.contains(secretary.person.id)) {
						attendees.add(secretary.person.id);
					}
				}
				int issues = between(2, 8);
				records.recordMeeting(new RecordsService.RecordMeeting(org.id, date, theme,
						(org.parent != null) ? org.parent.id : null, attendees, issues));
				this.meetingCount++;
				if (chance(0.35)) {
					List<Post> team = org.othersOn(date);
					Post principal = org.principalOn(date);
					Post subject = (principal != null && (team.isEmpty() || chance(0.4))) ? principal
							: (team.isEmpty() ? null : pick(team));
					FindingCategory category = pick(List.of(FindingCategory.WORK_STYLE, FindingCategory.RESPONSIBILITY,
							FindingCategory.DEMOCRATIC_CENTRALISM));
					Severity severity = chance(0.6) ? Severity.EARLY_SIGN : Severity.GENERAL;
					process(plan(org, FindingSource.DEMOCRATIC_LIFE_MEETING, category, severity, date, subject));
				}
			}
		}
	}

	/**
	 * Findings of every source over the four years: about 0.5 a year for a body-level
	 * organization, fewer for townships and villages.
	 */
	private void findings() {
		for (int y = this.year - 3; y <= this.year; y++) {
			LocalDate from = LocalDate.of(y, 1, 1);
			LocalDate to = min(LocalDate.of(y, 12, 31), this.today);
			double yearShare = (y == this.year) ? Math.max(0.05, this.yearElapsed) : 1;
			for (Org org : this.orgs) {
				double rate = switch (org.unit) {
					case VILLAGE -> 0.22;
					case TOWNSHIP -> 0.45;
					default -> 0.40;
				} * yearShare;
				int count = (chance(rate) ? 1 : 0) + (chance(rate / 4) ? 1 : 0);
				for (int i = 0; i < count; i++) {
					LocalDate reportedOn = dayIn(from, to);
					FindingSource source = source(org);
					FindingCategory category = category(org);
					Severity severity = weighted(
							new Severity[] { Severity.EARLY_SIGN, Severity.GENERAL, Severity.SERIOUS }, 30, 55, 15);
					double who = this.random.nextDouble();
					Post subject = null;
					if (who < 0.38) {
						subject = org.principalOn(reportedOn);
					}
					else if (who < 0.68) {
						List<Post> team = org.othersOn(reportedOn);
						subject = team.isEmpty() ? null : pick(team);
					}
					process(plan(org, source, category, severity, reportedOn, subject));
				}
			}
		}
	}

	private FindingSource source(Org org) {
		if (org.unit == Unit.VILLAGE || org.unit == Unit.TOWNSHIP) {
			return weighted(new FindingSource[] { FindingSource.INSPECTION, FindingSource.PETITION,
					FindingSource.DAILY_SUPERVISION, FindingSource.AUDIT, FindingSource.SELF_CHECK,
					FindingSource.INVESTIGATION }, 30, 25, 20, 8, 10, 7);
		}
		FindingSource source = weighted(new FindingSource[] { FindingSource.INSPECTION_TOUR, FindingSource.INSPECTION,
				FindingSource.AUDIT, FindingSource.PETITION, FindingSource.DAILY_SUPERVISION,
				FindingSource.INVESTIGATION, FindingSource.SELF_CHECK }, (org.level == OrgLevel.COUNTY) ? 0 : 10, 22,
				15, 18, 17, 6, 8);
		return (source == FindingSource.INSPECTION && org.level == OrgLevel.PROVINCE) ? FindingSource.INSPECTION_TOUR
				: source;
	}

	private FindingCategory category(Org org) {
		boolean grassroots = org.unit == Unit.VILLAGE || org.unit == Unit.TOWNSHIP;
		return weighted(FindingCategory.values(), 8, 12, 18, 18, grassroots ? 3 : 8, grassroots ? 20 : 6, 14, 6, 4);
	}

	private FindingPlan plan(Org org, FindingSource source, FindingCategory category, Severity severity,
			LocalDate reportedOn, Post subject) {
		DispositionForm disposition;
		if (subject == null) {
			disposition = chance(0.6) ? DispositionForm.FIRST : null;
		}
		else {
			disposition = switch (severity) {
				case EARLY_SIGN -> DispositionForm.FIRST;
				case GENERAL -> weighted(
						new DispositionForm[] { DispositionForm.FIRST, DispositionForm.SECOND, DispositionForm.THIRD },
						80, 17, 3);
				case SERIOUS -> weighted(DispositionForm.values(), 25, 35, 28, 12);
			};
		}
		String informant = null;
		if (source == FindingSource.PETITION) {
			informant = chance(0.6) ? this.names.person() : "匿名";
		}
		String description = DemoTexts.sourcePrefix(source, levelWord(org)) + org.name
				+ pick(DemoTexts.problems(category))
				+ ((subject != null) ? "（涉及" + subject.title + subject.person.name + "）" : "");
		return new FindingPlan(org, source, category, severity, reportedOn, subject, disposition, informant,
				description);
	}

	/**
	 * Registers the finding, then dismisses it (some petitions) or assigns its tasks,
	 * then records the talks it leads to.
	 */
	private void process(FindingPlan plan) {
		FindingService findings = this.services.findings;
		Finding finding = findings
			.register(new FindingService.RegisterFinding(plan.source(), plan.category(), plan.severity(),
					plan.description(), plan.org().id, (plan.subject() != null) ? plan.subject().person.id : null,
					plan.reportedOn(), plan.disposition(), plan.informant()));
		this.findingCount++;
		long age = ChronoUnit.DAYS.between(plan.reportedOn(), this.today);
		boolean dismissed = age >= 15 && ((plan.source() == FindingSource.PETITION && chance(0.3))
				|| (plan.source() == FindingSource.DAILY_SUPERVISION && chance(0.06)));
		if (dismissed) {
			findings.dismiss(finding.id(), pick(DemoTexts.DISMISSALS));
			// FindingService.dismiss dates the clearing today; the demo backdates it to
			// when the petition was cleared, since a past dismissal cannot be recorded.
			LocalDate dismissedOn = min(plan.reportedOn().plusDays(between(15, 75)), this.today);
			this.services.mongo.updateFirst(Query.query(Criteria.where("_id").is(finding.id())),
					new Update().set("dismissedOn", dismissedOn), Finding.class);
			this.dismissedCount++;
		}
		else {
			boolean none = (age < 20) ? chance(0.5) : chance(0.04);
			if (!none) {
				int tasks = chance(0.12) ? 2 : 1;
				for (int i = 0; i < tasks; i++) {
					task(plan, finding, i);
				}
			}
		}
		followUpTalks(plan, dismissed);
	}

	/** The talks a finding about a cadre leads to. */
	private void followUpTalks(FindingPlan plan, boolean dismissed) {
		Post subject = plan.subject();
		if (subject == null) {
			return;
		}
		LocalDate reported = plan.reportedOn();
		if (plan.source() == FindingSource.PETITION && chance(0.6)) {
			followUp(TalkKind.INQUIRY_LETTER, reported.plusDays(between(5, 20)), plan,
					"函询：就信访反映其有关问题发函询问，本人已按期书面说明；党组织主要负责人签署意见：" + (dismissed ? "经核查说明属实，予以了结澄清" : "说明基本属实，责令作出深刻检查"));
		}
		if (dismissed) {
			return;
		}
		if (plan.severity() == Severity.EARLY_SIGN && chance(0.6)) {
			followUp(TalkKind.REMINDER, reported.plusDays(between(3, 20)), plan,
					"提醒谈话：指出" + plan.category().label() + "方面的苗头性、倾向性问题，要求及时纠正、举一反三");
		}
		if ((plan.category() == FindingCategory.INTEGRITY || plan.category() == FindingCategory.FAMILY_BUSINESS)
				&& chance(0.5)) {
			followUp(TalkKind.INTEGRITY, reported.plusDays(between(5, 30)), plan,
					"廉政谈话：针对发现的" + plan.category().label() + "问题开展警示教育，要求严守廉洁纪律");
		}
		boolean admonish = (plan.disposition() == DispositionForm.FIRST && plan.severity() != Severity.EARLY_SIGN
				&& chance(0.2)) || (plan.disposition() == DispositionForm.SECOND && chance(0.3));
		if (admonish) {
			followUp(TalkKind.ADMONITION, reported.plusDays(between(20, 60)), plan,
					"诫勉：对其" + plan.category().label() + "方面问题予以诫勉，责令作出书面检查");
		}
	}

	/**
	 * A talk with the finding's subject: by the nearest ancestor principal when the
	 * subject is a principal, otherwise by the principal of their team.
	 */
	private void followUp(TalkKind kind, LocalDate date, FindingPlan plan, String summary) {
		if (date.isAfter(this.today)) {
			return;
		}
		Post subject = plan.subject();
		Org org = plan.org();
		Post by = (subject.role == TeamRole.PRINCIPAL) ? null : org.principalOn(date);
		if (by == null || by.person == subject.person) {
			by = org.ancestorPrincipalOn(date, 0);
		}
		if (by != null) {
			talk(kind, date, subject.person, List.of(by.person), org, summary, List.of());
		}
	}

	// ---- rectification -------------------------------------------------------------

	/**
	 * One task of the finding, taken through its life cycle to a status that fits its
	 * age: most old tasks VERIFIED (most on time, some late, some after one rejection,
	 * some with money returned), a share still open after the deadline (overdue), recent
	 * ones SUBMITTED, IN_PROGRESS or ASSIGNED; a few extended or reassigned.
	 */
	private void task(FindingPlan plan, Finding finding, int index) {
		RectificationService service = this.services.rectifications;
		RectificationMode mode = weighted(RectificationMode.values(), 25, 65, 10);
		Org org = plan.org();
		if (mode == RectificationMode.ESCALATED && org.parent != null) {
			org = org.parent;
		}
		else if (index > 0) {
			List<Org> lower = org.children.stream().filter((o) -> !o.principals.isEmpty()).toList();
			if (!lower.isEmpty()) {
				org = pick(lower);
			}
		}
		LocalDate assignedOn = min(plan.reportedOn().plusDays(between(0, 14)), this.today);
		LocalDate deadline = assignedOn.plusDays(switch (mode) {
			case IMMEDIATE -> between(7, 30);
			case DEADLINE -> between(45, 180);
			case ESCALATED -> between(90, 240);
		});
		Post responsible = org.principalOn(assignedOn);
		String measures = pick(DemoTexts.measures(plan.category()))
				+ ((mode == RectificationMode.IMMEDIATE) ? "（立行立改）" : "");
		Rectification task = service.assign(new RectificationService.AssignRectification(finding.id(), org.id,
				(responsible != null) ? responsible.person.id : null, mode, measures, deadline));
		this.taskCount++;
		List<LocalDate> dates = new ArrayList<>(List.of(assignedOn));
		LocalDate cursor = assignedOn;

		if (chance(0.03)) {
			List<Org> lower = org.children.stream().filter((o) -> !o.principals.isEmpty()).toList();
			LocalDate on = min(cursor.plusDays(between(1, 5)), this.today);
			if (!lower.isEmpty()) {
				org = pick(lower);
				Post cadre = org.principalOn(on);
				task = service.reassign(task.id(), org.id, (cadre != null) ? cadre.person.id : null, task.version());
				dates.add(on);
				cursor = on;
			}
		}
		if (chance(0.08)) {
			LocalDate on = max(deadline.minusDays(between(1, 10)), cursor);
			if (!on.isAfter(this.today)) {
				deadline = deadline.plusDays(between(30, 90));
				task = service.extendDeadline(task.id(), deadline, pick(DemoTexts.EXTENSIONS), task.version());
				dates.add(on);
				cursor = on;
			}
		}

		Outcome outcome = outcome(deadline);
		LocalDate submitted = null;
		if (outcome == Outcome.VERIFIED) {
			if (chance(0.85)) {
				LocalDate earliest = cursor.plusDays(Math.max(1, ChronoUnit.DAYS.between(cursor, deadline) / 2));
				submitted = dayIn(earliest, min(deadline, this.today));
			}
			if (submitted == null) {
				submitted = dayIn(max(cursor.plusDays(1), deadline.plusDays(1)),
						min(deadline.plusDays(45), this.today));
			}
			if (submitted == null) {
				submitted = dayIn(cursor.plusDays(1), this.today);
			}
		}
		else if (outcome == Outcome.SUBMITTED) {
			submitted = dayIn(max(cursor.plusDays(1), this.today.minusDays(45)), this.today);
		}
		if ((outcome == Outcome.VERIFIED || outcome == Outcome.SUBMITTED) && submitted == null) {
			outcome = Outcome.IN_PROGRESS;
		}

		if (outcome != Outcome.ASSIGNED) {
			// An open task past its deadline last moved before the deadline, so the
			// sweep's reminders come after everything else in its history.
			LocalDate horizon = (submitted == null && deadline.isBefore(this.today)) ? deadline : this.today;
			LocalDate end = (submitted != null) ? submitted : horizon;
			// One rejection on the way for about one task in ten that got that far.
			LocalDate firstSubmission = null;
			LocalDate rejectedOn = null;
			LocalDate resumed = null;
			if (chance(0.10)) {
				LocalDate last = (submitted != null) ? submitted.minusDays(12) : horizon.minusDays(4);
				firstSubmission = dayIn(cursor.plusDays(2), last);
				if (firstSubmission != null) {
					rejectedOn = dayIn(firstSubmission.plusDays(2),
							(submitted != null) ? submitted.minusDays(6) : horizon);
					resumed = (rejectedOn != null)
							? dayIn(rejectedOn.plusDays(1), (submitted != null) ? submitted.minusDays(1) : horizon)
							: null;
				}
				if (resumed == null) {
					firstSubmission = null;
				}
			}
			LocalDate progress = dayIn(cursor.plusDays(1),
					((firstSubmission != null) ? firstSubmission : end).minusDays(1));
			progress = (progress != null) ? progress : cursor;
			task = service.reportProgress(task.id(), pick(DemoTexts.PROGRESS), task.version());
			dates.add(progress);
			if (firstSubmission != null) {
				task = service.submit(task.id(), pick(DemoTexts.REPORTS), firstSubmission, task.version());
				dates.add(firstSubmission);
				task = service.verify(task.id(), false, pick(DemoTexts.REJECTIONS), rejectedOn, null, task.version());
				dates.add(rejectedOn);
				task = service.reportProgress(task.id(), pick(DemoTexts.PROGRESS), task.version());
				dates.add(resumed);
			}
			if (submitted != null) {
				task = service.submit(task.id(), pick(DemoTexts.REPORTS), submitted, task.version());
				dates.add(submitted);
			}
			if (outcome == Outcome.VERIFIED) {
				LocalDate decided = min(submitted.plusDays(between(2, 25)), this.today);
				task = service.verify(task.id(), true, pick(DemoTexts.ACCEPTANCES), decided, funds(plan),
						task.version());
				dates.add(decided);
			}
		}
		backdate(task, assignedOn, dates);
		if ((outcome == Outcome.ASSIGNED || outcome == Outcome.IN_PROGRESS) && deadline.isBefore(this.today)) {
			this.overdueTasks.add(new TaskRecord(task.id(), org, deadline));
		}
	}

	/**
	 * The status a task ends in, by its (final) deadline: of those due more than two
	 * years ago nearly all are VERIFIED; of those due two years to two months ago about
	 * 82% VERIFIED and 15% still open (overdue); those due in the last two months are
	 * split between VERIFIED, SUBMITTED and overdue; those not yet due are mostly being
	 * worked on. Overall about one task in eight is overdue.
	 */
	private Outcome outcome(LocalDate deadline) {
		double draw = this.random.nextDouble();
		Outcome open = chance(0.7) ? Outcome.IN_PROGRESS : Outcome.ASSIGNED;
		if (deadline.isBefore(this.today.minusDays(730))) {
			return (draw < 0.95) ? Outcome.VERIFIED : (draw < 0.97) ? Outcome.SUBMITTED : open;
		}
		if (deadline.isBefore(this.today.minusDays(60))) {
			return (draw < 0.82) ? Outcome.VERIFIED : (draw < 0.85) ? Outcome.SUBMITTED : open;
		}
		if (deadline.isBefore(this.today)) {
			return (draw < 0.40) ? Outcome.VERIFIED : (draw < 0.55) ? Outcome.SUBMITTED : open;
		}
		return (draw < 0.15) ? Outcome.VERIFIED
				: (draw < 0.30) ? Outcome.SUBMITTED : (draw < 0.75) ? Outcome.IN_PROGRESS : Outcome.ASSIGNED;
	}

	/**
	 * Money returned for about half of the integrity, mass-discipline and audit cases.
	 */
	private BigDecimal funds(FindingPlan plan) {
		boolean money = plan.category() == FindingCategory.INTEGRITY
				|| plan.category() == FindingCategory.MASS_DISCIPLINE
				|| plan.category() == FindingCategory.FAMILY_BUSINESS || plan.source() == FindingSource.AUDIT;
		if (!money || !chance(0.5)) {
			return null;
		}
		double low = Math.log(200_000);
		double high = Math.log(80_000_000);
		long cents = Math.round(Math.exp(low + (high - low) * this.random.nextDouble()));
		return BigDecimal.valueOf(cents, 2);
	}

	/**
	 * RectificationService dates the assignment and every progress, extension and
	 * reassignment event "today" (only submission and decision take a date), so a demo
	 * spread over past years would show every task assigned today. The demo therefore
	 * moves {@code assignedOn} and those event dates to the planned days with one direct
	 * write, only when the history holds exactly the events it planned.
	 */
	private void backdate(Rectification task, LocalDate assignedOn, List<LocalDate> dates) {
		if (task.history().size() != dates.size()) {
			logger.warn("Demo task {} has {} events, not the {} planned; dates left as recorded", task.id(),
					task.history().size(), dates.size());
			return;
		}
		Update update = new Update().set("assignedOn", assignedOn);
		for (int i = 0; i < dates.size(); i++) {
			update.set("history." + i + ".on", dates.get(i));
		}
		this.services.mongo.updateFirst(Query.query(Criteria.where("_id").is(task.id())), update, Rectification.class);
	}

	/**
	 * Runs the overdue sweep weekly, as a scheduled job would have, from the day after
	 * the earliest deadline of an overdue task (at most three years back) to today, so
	 * each escalation step carries the week it fell due; then about two in three
	 * summonses are followed by a recorded summons talk.
	 */
	private void sweeps() {
		OverdueSweep sweep = this.services.sweep;
		LocalDate first = this.today;
		for (TaskRecord record : this.overdueTasks) {
			first = min(first, record.deadline().plusDays(1));
		}
		first = max(first, this.today.minusYears(3));
		for (LocalDate day = first; day.isBefore(this.today); day = day.plusDays(7)) {
			OverdueSweep.Result result = sweep.sweep(day, null);
			this.stepCount += result.remindersIssued() + result.escalations() + result.summonses();
		}
		OverdueSweep.Result result = sweep.sweep(this.today, null);
		this.stepCount += result.remindersIssued() + result.escalations() + result.summonses();
		for (TaskRecord record : this.overdueTasks) {
			Rectification task = this.services.rectifications.get("id", record.id());
			var summons = task.reminder(ReminderLevel.SUMMONS);
			if (summons.isEmpty() || !chance(0.7)) {
				continue;
			}
			LocalDate date = min(summons.get().issuedOn().plusDays(between(0, 7)), this.today);
			Post subject = record.org().principalOn(date);
			Post by = record.org().ancestorPrincipalOn(date, 0);
			if (subject != null && by != null) {
				talk(TalkKind.SUMMONS, date, subject.person, List.of(by.person), record.org(),
						"约谈：整改任务逾期未完成，约谈单位主要负责人，责令限期整改到位", List.of("整改任务逾期"));
			}
		}
	}

	// ---- records -------------------------------------------------------------------

	/** About one and a half interference records per body over the four years. */
	private void interferenceRecords() {
		List<Org> committees = this.orgs.stream().filter((o) -> o.unit == Unit.COMMITTEE).toList();
		int count = Math.max(3, (int) Math.round(committees.size() * 1.5));
		for (int i = 0; i < count; i++) {
			Org committee = pick(committees);
			List<Org> targets = committee.children.stream()
				.filter((o) -> o.unit == Unit.DEPARTMENT || o.unit == Unit.TOWNSHIP || o.unit == Unit.ENTERPRISE)
				.toList();
			Org target = pick(targets);
			LocalDate date = dayIn(this.windowStart, this.today);
			List<Post> leaders = new ArrayList<>();
			for (Org org : committee.children) {
				if (org.unit == Unit.GOVERNMENT) {
					leaders.addAll(org.othersOn(date));
				}
			}
			leaders.addAll(committee.othersOn(date));
			if (leaders.isEmpty()) {
				continue;
			}
			Post leader = pick(leaders);
			String matter = String.format(Locale.ROOT, pick(DemoTexts.INTERFERENCES), target.name);
			this.services.records
				.recordInterference(new RecordsService.RecordInterference(target.id, leader.person.id, date, matter));
			this.interferenceCount++;
		}
	}

	/**
	 * Duty and integrity reports of the principals of committees, governments,
	 * commissions, departments and townships for each finished year, delivered in January
	 * or February; those with organizations below them mostly cover how they supervised
	 * the principals there.
	 */
	private void dutyReports() {
		for (int y = this.year - 3; y < this.year; y++) {
			LocalDate lastDay = LocalDate.of(y, 12, 31);
			for (Org org : this.orgs) {
				if (org.unit == Unit.VILLAGE || org.unit == Unit.ENTERPRISE || org.unit == Unit.SCHOOL
						|| org.unit == Unit.HOSPITAL) {
					continue;
				}
				Post principal = org.principalOn(lastDay);
				if (principal == null || !chance(0.95)) {
					continue;
				}
				LocalDate delivered = LocalDate.of(y + 1, 1, 8).plusDays(between(0, 50));
				if (delivered.isAfter(this.today)) {
					continue;
				}
				boolean lower = org.children.stream().anyMatch((o) -> !o.principals.isEmpty());
				boolean covers = lower && chance(0.88);
				String summary = y + "年度述责述廉报告：报告履行全面从严治党主体责任和廉洁自律情况"
						+ (covers ? "；对下级一把手开展监督谈话" + between(3, 15) + "人次，督促整改问题" + between(2, 12) + "个" : "");
				this.services.records.deliverDutyReport(new RecordsService.DeliverDutyReport(org.id,
						principal.person.id, y, delivered, summary, covers));
				this.dutyReportCount++;
			}
		}
	}

}
