package org.oversight.bench;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import org.oversight.core.cadre.Appointment;
import org.oversight.core.cadre.Cadre;
import org.oversight.core.cadre.TeamRole;
import org.oversight.core.demo.SeededDraws;
import org.oversight.core.finding.DispositionForm;
import org.oversight.core.finding.Finding;
import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingSource;
import org.oversight.core.finding.FindingStatus;
import org.oversight.core.finding.Severity;
import org.oversight.core.meeting.DemocraticLifeMeeting;
import org.oversight.core.meeting.DutyReport;
import org.oversight.core.meeting.InterferenceRecord;
import org.oversight.core.organization.OrgKind;
import org.oversight.core.organization.OrgLevel;
import org.oversight.core.organization.Organization;
import org.oversight.core.rectification.Rectification;
import org.oversight.core.rectification.RectificationEventKind;
import org.oversight.core.rectification.RectificationMode;
import org.oversight.core.rectification.RectificationStatus;
import org.oversight.core.supervision.StoredSupervision;
import org.oversight.core.supervision.SupervisionKind;
import org.oversight.core.talk.Talk;
import org.oversight.core.talk.TalkKind;

/**
 * Writes a province straight into the collections with {@code insertMany}, far faster
 * than the domain services (which read before every write and take a conditional write
 * per principal seat): the same document shapes as the services write them (checked by
 * {@code BulkShapeTests} against the demo province loaded through the services), the same
 * tree as the demo province and the same rules for posts, talks, findings and tasks, at
 * the record counts of a {@link DataSize}.
 * <ul>
 * <li>ids are ObjectIds made from a counter (so the same seed gives the same ids and the
 * same order); references ({@code parentId}, {@code path}, {@code orgPath},
 * {@code cadreId} ...) are their hexadecimal strings, as the services store them;</li>
 * <li>calendar dates are {@link LocalDate}s written by the driver's codec (UTC midnight),
 * instants are dates, money is Decimal128;</li>
 * <li>{@code principal_seats} holds the principal terms of each organization,
 * {@code cadres.orgScope} every organization on the paths of a cadre's posts;</li>
 * <li>a finding carries {@code severityRank}, {@code concernsPrincipal} (fixed from the
 * posts on its reported day), its status and task counters as the services leave them; a
 * task carries its history and version as its life-cycle commands leave them.</li>
 * </ul>
 * Unlike the demo province, no overdue sweep has run: overdue tasks have no reminders
 * yet, so the first sweep of a benchmark has every due step to issue. Everything comes
 * from one seeded {@link Random} in a fixed order, and every date is relative to
 * {@code today}.
 */
final class BulkGenerator extends SeededDraws {

	static final String ACTOR = "bench";

	private static final int BATCH = 1000;

	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文海波辉峰斌宇浩凯健俊帆鹏飞欣怡婷雪琳晨阳德群仁新春松";

	private static final String PLACES = "安宁丰和平江河山林石泉清新兴华阳东西南北中长永福康泰云龙凤金银水湖溪源桥岭川临柳青白乐昌盛远广";

	private static final List<String> DEPARTMENTS = List.of("组织部", "宣传部", "统战部", "政法委员会", "发展和改革委员会", "教育局", "卫生健康委员会",
			"财政局", "自然资源局", "住房和城乡建设局", "交通运输局", "农业农村局", "市场监督管理局", "审计局", "应急管理局", "生态环境局", "人力资源和社会保障局", "民政局",
			"水利局", "商务局");

	private static final int PARTY_DEPARTMENTS = 4;

	private static final int EDUCATION = 5;

	private static final int HEALTH = 6;

	private static final List<String> ISSUES = List.of("主体责任落实不到位", "选人用人把关不严", "违规公款吃喝苗头", "重大事项请示报告不及时", "形式主义官僚主义问题",
			"落实中央八项规定精神有松懈", "基层减负不到位");

	private static final List<String> HEART = List.of("谈心谈话：交流思想和工作情况，提醒严守纪律规矩", "谈心谈话：听取分管领域工作意见，指出存在的不足",
			"谈心谈话：了解家庭和思想状况，勉励担当作为");

	private static final List<String> PROBLEMS = List.of("违规发放津贴补贴，涉及资金较大", "公务接待超标准、超范围", "固定资产管理混乱，账实不符",
			"落实全面从严治党主体责任不力", "民生项目推进缓慢，群众反映强烈", "工程项目招投标不规范", "集体资金管理使用不规范", "“三重一大”制度执行不到位");

	private static final List<String> MEASURES = List.of("组织警示教育大会，责令相关人员退还违规款项", "修订完善财务管理制度，开展专项清理",
			"制定落实主体责任清单，一把手带头约谈班子成员", "建立整改台账，逐项明确责任人和完成时限", "开展专项整治，举一反三排查同类问题");

	private static final List<String> PROGRESS = List.of("已召开专题会议研究部署，制定整改方案，明确责任人和完成时限", "整改措施已落实过半，正在推进剩余事项");

	private static final List<String> REPORTS = List.of("整改报告：整改任务全部完成，举一反三开展专项排查，未发现新问题",
			"整改报告：已完成整改并在一定范围内通报，相关制度已印发执行");

	private static final List<String> ACCEPTANCES = List.of("佐证材料齐全，整改效果明显，予以销号", "经验收组评估，整改任务完成，同意销号");

	private static final String REJECTION = "整改报告对问题根源剖析不深，佐证材料不全，退回重改";

	private static final List<String> DISMISSALS = List.of("经调查核实，所反映问题查无实据，已向被反映人所在单位通报澄清结果", "经初步核实，反映问题不属实，予以了结");

	private final DataSize size;

	private final LocalDate today;

	private final int year;

	private final LocalDate windowStart;

	private final double yearElapsed;

	private final Instant now;

	private final Document stamp;

	private final int idTime;

	private int idCounter;

	private final List<Org> orgs = new ArrayList<>();

	private final List<Person> people = new ArrayList<>();

	private final List<Post> posts = new ArrayList<>();

	private final Writer writer;

	private int talkCount;

	BulkGenerator(MongoDatabase db, DataSize size, long seed, LocalDate today, Instant now) {
		super(seed);
		this.size = size;
		this.today = today;
		this.year = today.getYear();
		this.windowStart = LocalDate.of(this.year - 3, 1, 1);
		this.yearElapsed = today.getDayOfYear() / (double) today.lengthOfYear();
		this.now = now;
		this.stamp = new Document("createdAt", now).append("createdBy", ACTOR)
			.append("updatedAt", now)
			.append("updatedBy", ACTOR);
		this.idTime = (int) today.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
		this.writer = new Writer(db);
	}

	/** What was written, by collection, and how long it took. */
	record Summary(Map<String, Integer> counts, long millis) {

		int total() {
			return this.counts.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	Summary run() {
		long started = System.nanoTime();
		try {
			buildTree();
			staff();
			writeOrganizationsAndPeople();
			supervisions();
			supervisionTalks();
			appointmentTalks();
			meetings();
			findings();
			heartToHeartTalks();
			interferenceAndDutyReports();
			this.writer.close();
		}
		catch (RuntimeException ex) {
			this.writer.abort();
			throw ex;
		}
		return new Summary(Map.copyOf(this.writer.written), (System.nanoTime() - started) / 1_000_000);
	}

	// ---- ids -----------------------------------------------------------------------

	/** A new ObjectId from the fixed time and a counter: the same seed, the same ids. */
	private ObjectId id() {
		ByteBuffer bytes = ByteBuffer.allocate(12);
		bytes.putInt(this.idTime).putInt(0x0B0B0B0B).putInt(++this.idCounter);
		return new ObjectId(bytes.array());
	}

	// ---- the tree ------------------------------------------------------------------

	enum Unit {

		COMMITTEE, GOVERNMENT, COMMISSION, DEPARTMENT, ENTERPRISE, SCHOOL, HOSPITAL, TOWNSHIP, VILLAGE

	}

	static final class Org {

		final ObjectId oid;

		final String id;

		final String code;

		final String name;

		final OrgKind kind;

		final OrgLevel level;

		final Org parent;

		final List<String> path;

		final Unit unit;

		Org committee;

		int department = -1;

		final List<Org> children = new ArrayList<>();

		final List<Post> posts = new ArrayList<>();

		final List<Post> principals = new ArrayList<>();

		String principalTitle;

		Org(ObjectId oid, String code, String name, OrgKind kind, OrgLevel level, Org parent, Unit unit) {
			this.oid = oid;
			this.id = oid.toHexString();
			this.code = code;
			this.name = name;
			this.kind = kind;
			this.level = level;
			this.parent = parent;
			List<String> p = new ArrayList<>((parent != null) ? parent.path : List.of());
			p.add(this.id);
			this.path = List.copyOf(p);
			this.unit = unit;
			if (parent != null) {
				parent.children.add(this);
			}
		}

		Post principalOn(LocalDate day) {
			for (Post post : this.principals) {
				if (post.activeOn(day)) {
					return post;
				}
			}
			return null;
		}

		/** The principal of the nearest ancestor with one on the day, skipping some. */
		Post ancestorPrincipalOn(LocalDate day, int skip) {
			int skipped = 0;
			for (Org org = this.parent; org != null; org = org.parent) {
				Post principal = org.principalOn(day);
				if (principal != null) {
					if (skipped == skip) {
						return principal;
					}
					skipped++;
				}
			}
			return null;
		}

		List<Post> othersOn(LocalDate day) {
			List<Post> others = new ArrayList<>();
			for (Post post : this.posts) {
				if (post.role != TeamRole.PRINCIPAL && post.activeOn(day)) {
					others.add(post);
				}
			}
			return others;
		}

	}

	static final class Person {

		final ObjectId oid;

		final String id;

		final String code;

		final String name;

		final int birthYear;

		final Set<String> scope = new LinkedHashSet<>();

		Person(ObjectId oid, String code, String name, int birthYear) {
			this.oid = oid;
			this.id = oid.toHexString();
			this.code = code;
			this.name = name;
			this.birthYear = birthYear;
		}

	}

	static final class Post {

		final Person person;

		final Org org;

		final TeamRole role;

		final String title;

		final LocalDate start;

		LocalDate end;

		Post(Person person, Org org, TeamRole role, String title, LocalDate start, LocalDate end) {
			this.person = person;
			this.org = org;
			this.role = role;
			this.title = title;
			this.start = start;
			this.end = end;
		}

		boolean activeOn(LocalDate day) {
			return !this.start.isAfter(day) && (this.end == null || !this.end.isBefore(day));
		}

	}

	private void buildTree() {
		Org province = body(null, "P01", "江宁省", OrgLevel.PROVINCE, 0);
		int index = 1;
		for (int c = 1; c <= this.size.cities(); c++) {
			String cityStem = place();
			Org city = body(province, province.code + code("-C", c), cityStem + "市", OrgLevel.CITY, index++);
			for (int k = 1; k <= this.size.countiesPerCity(); k++) {
				boolean district = k == 1 || chance(0.15);
				String countyStem = place();
				Org county = body(city, city.code + code("-X", k), countyStem + (district ? "区" : "县"), OrgLevel.COUNTY,
						index++);
				for (int t = 1; t <= this.size.townshipsPerCounty(); t++) {
					String word = district ? (chance(0.6) ? "街道" : "镇") : (chance(0.75) ? "镇" : "乡");
					Org township = add(new Org(id(), county.code + code("-T", t), place() + word, OrgKind.TOWNSHIP,
							OrgLevel.TOWNSHIP, county, Unit.TOWNSHIP));
					township.committee = county;
					for (int v = 1; v <= this.size.villagesPerTownship(); v++) {
						boolean community = word.equals("街道") || chance(0.12);
						Org village = add(
								new Org(id(), township.code + code("-V", v), place() + (community ? "社区" : "村"),
										OrgKind.COMMUNITY, OrgLevel.VILLAGE, township, Unit.VILLAGE));
						village.committee = county;
					}
				}
			}
		}
	}

	private Org body(Org parent, String code, String place, OrgLevel level, int index) {
		String stem = place.substring(0, place.length() - 1);
		Org committee = add(new Org(id(), code, place + "委", OrgKind.PARTY_COMMITTEE, level, parent, Unit.COMMITTEE));
		committee.committee = committee;
		add(new Org(id(), code + "-GOV", place + "人民政府", OrgKind.GOVERNMENT, level, committee,
				Unit.GOVERNMENT)).committee = committee;
		add(new Org(id(), code + "-JW", place + "纪委监委", OrgKind.DISCIPLINE_COMMISSION, level, committee,
				Unit.COMMISSION)).committee = committee;
		List<Org> departments = new ArrayList<>();
		for (int i = 0; i < this.size.departmentsPerBody(); i++) {
			String name = (i < PARTY_DEPARTMENTS) ? place + "委" + DEPARTMENTS.get(i) : place + DEPARTMENTS.get(i);
			Org org = add(new Org(id(), code + code("-D", i + 1), name, OrgKind.DEPARTMENT, level, committee,
					Unit.DEPARTMENT));
			org.committee = committee;
			org.department = i;
			departments.add(org);
		}
		add(new Org(id(), code + "-E01", stem + "国有资本投资运营有限公司", OrgKind.ENTERPRISE, level, committee,
				Unit.ENTERPRISE)).committee = committee;
		Org above = departments.get(Math.min(departments.size() - 1, (index % 2 == 0) ? EDUCATION : HEALTH));
		Org institution = (index % 2 == 0)
				? new Org(id(), above.code + "-S01", stem + "第一中学", OrgKind.INSTITUTION, level, above, Unit.SCHOOL)
				: new Org(id(), above.code + "-H01", stem + "人民医院", OrgKind.INSTITUTION, level, above, Unit.HOSPITAL);
		add(institution).committee = committee;
		return committee;
	}

	private Org add(Org org) {
		this.orgs.add(org);
		return org;
	}

	private static String code(String prefix, int number) {
		return prefix + String.format(Locale.ROOT, "%02d", number);
	}

	private String place() {
		return "" + PLACES.charAt(this.random.nextInt(PLACES.length()))
				+ PLACES.charAt(this.random.nextInt(PLACES.length()));
	}

	// ---- teams ---------------------------------------------------------------------

	private static String levelWord(Org org) {
		return switch (org.level) {
			case PROVINCE -> "省";
			case CITY -> "市";
			case COUNTY -> "县";
			case TOWNSHIP -> "镇";
			case VILLAGE -> "村";
		};
	}

	private static int[] birthYears(OrgLevel level) {
		return switch (level) {
			case PROVINCE -> new int[] { 1962, 1967 };
			case CITY -> new int[] { 1964, 1972 };
			case COUNTY -> new int[] { 1967, 1980 };
			case TOWNSHIP -> new int[] { 1975, 1990 };
			case VILLAGE -> new int[] { 1962, 1990 };
		};
	}

	/**
	 * The demo province's teams (principal terms with their links into the committee,
	 * deputies, members, discipline secretaries, handovers), then extra members spread
	 * over random organizations until the size's number of cadres is reached.
	 */
	private void staff() {
		for (Org org : this.orgs) {
			String lw = levelWord(org);
			int[] years = birthYears(org.level);
			int deputies = between(1, 3);
			int members = between(1, 2);
			String secretary = null;
			String deputyTitle = "副职";
			String memberTitle = "班子成员";
			switch (org.unit) {
				case COMMITTEE -> {
					org.principalTitle = lw + "委书记";
					deputyTitle = lw + "委副书记";
					memberTitle = lw + "委常委";
					deputies = between(1, 2);
				}
				case GOVERNMENT -> {
					org.principalTitle = lw + "长";
					deputyTitle = "副" + lw + "长";
					memberTitle = lw + "政府党组成员";
				}
				case COMMISSION -> {
					org.principalTitle = lw + "纪委书记、" + lw + "监委主任";
					deputyTitle = lw + "纪委副书记、" + lw + "监委副主任";
					memberTitle = lw + "纪委常委、派驻纪检监察组组长";
				}
				case DEPARTMENT -> {
					org.principalTitle = (org.department < PARTY_DEPARTMENTS) ? "部长" : "党组书记、局长";
					deputyTitle = "党组成员、副局长";
					memberTitle = "党组成员";
					secretary = chance(0.5) ? "党组成员、纪检组长" : null;
				}
				case ENTERPRISE -> {
					org.principalTitle = "党委书记、董事长";
					deputyTitle = "副总经理";
					memberTitle = "党委委员";
					secretary = "党委委员、纪委书记";
				}
				case SCHOOL, HOSPITAL -> {
					org.principalTitle = "党委书记";
					deputyTitle = "党委副书记";
					memberTitle = "党委委员";
					secretary = chance(0.5) ? "党委委员、纪委书记" : null;
					deputies = between(1, 2);
				}
				case TOWNSHIP -> {
					org.principalTitle = "党委书记";
					deputyTitle = "党委副书记、镇长";
					memberTitle = "党委委员";
					secretary = "纪委书记";
					members = between(1, 3);
				}
				case VILLAGE -> {
					org.principalTitle = "村党支部书记、村委会主任";
					deputyTitle = "村委会副主任";
					memberTitle = "村两委委员";
					deputies = 1;
				}
			}
			List<Post> ownDeputies = new ArrayList<>();
			for (int i = 0; i < deputies; i++) {
				ownDeputies.add(seat(org, TeamRole.DEPUTY, deputyTitle, years));
			}
			if (secretary != null) {
				seat(org, TeamRole.DISCIPLINE_SECRETARY, secretary, years);
			}
			for (int i = 0; i < members; i++) {
				seat(org, TeamRole.MEMBER, memberTitle, years);
			}
			principalTerms(org, ownDeputies, years);
		}
		while (this.people.size() < this.size.cadres()) {
			Org org = this.orgs.get(this.random.nextInt(this.orgs.size()));
			boolean deputy = chance(0.3);
			seat(org, deputy ? TeamRole.DEPUTY : TeamRole.MEMBER, deputy ? "副职" : "班子成员", birthYears(org.level));
		}
	}

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

	private void principalTerms(Org org, List<Post> ownDeputies, int[] years) {
		double draw = this.random.nextDouble();
		if (org.parent != null && draw < 0.05) {
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

	/** A principal term, with the posts it brings in the body's committee. */
	private void principal(Org org, Person person, LocalDate start, LocalDate end) {
		org.principals.add(addPost(person, org, TeamRole.PRINCIPAL, org.principalTitle, start, end));
		String lw = levelWord(org);
		switch (org.unit) {
			case GOVERNMENT ->
				addPost(person, org.committee, TeamRole.DEPUTY, lw + "委副书记、" + org.principalTitle, start, end);
			case COMMISSION ->
				addPost(person, org.committee, TeamRole.DISCIPLINE_SECRETARY, lw + "委常委、" + lw + "纪委书记", start, end);
			case DEPARTMENT -> {
				if (org.department < PARTY_DEPARTMENTS) {
					addPost(person, org.committee, TeamRole.MEMBER,
							lw + "委常委、" + DEPARTMENTS.get(org.department) + "部长", start, end);
				}
			}
			default -> {
			}
		}
	}

	private Post addPost(Person person, Org org, TeamRole role, String title, LocalDate start, LocalDate end) {
		Post post = new Post(person, org, role, title, start, end);
		org.posts.add(post);
		this.posts.add(post);
		person.scope.addAll(org.path);
		return post;
	}

	private Person person(int lowest, int highest) {
		int low = Math.max(1960, Math.min(1995, lowest));
		int high = Math.max(low, Math.min(1995, highest));
		Person person = new Person(id(), String.format(Locale.ROOT, "G%07d", this.people.size() + 1), name(),
				between(low, high));
		this.people.add(person);
		return person;
	}

	private String name() {
		String name = "" + SURNAMES.charAt(this.random.nextInt(SURNAMES.length()))
				+ GIVEN.charAt(this.random.nextInt(GIVEN.length()));
		return chance(0.6) ? name + GIVEN.charAt(this.random.nextInt(GIVEN.length())) : name;
	}

	private void writeOrganizationsAndPeople() {
		for (Org org : this.orgs) {
			Document doc = new Document("_id", org.oid).append("code", org.code)
				.append("name", org.name)
				.append("kind", org.kind.name())
				.append("level", org.level.name());
			if (org.parent != null) {
				doc.append("parentId", org.parent.id);
			}
			doc.append("path", org.path).append("stamp", this.stamp).append("_class", Organization.class.getName());
			this.writer.add("organizations", doc);
		}
		for (Person person : this.people) {
			this.writer.add("cadres",
					new Document("_id", person.oid).append("code", person.code)
						.append("name", person.name)
						.append("birthYear", person.birthYear)
						.append("orgScope", List.copyOf(person.scope))
						.append("stamp", this.stamp)
						.append("_class", Cadre.class.getName()));
		}
		Map<Org, List<Document>> seats = new LinkedHashMap<>();
		for (Post post : this.posts) {
			ObjectId id = id();
			Document doc = new Document("_id", id).append("cadreId", post.person.id)
				.append("organizationId", post.org.id)
				.append("orgPath", post.org.path)
				.append("role", post.role.name())
				.append("title", post.title)
				.append("start", post.start);
			if (post.end != null) {
				doc.append("end", post.end);
			}
			doc.append("stamp", this.stamp).append("_class", Appointment.class.getName());
			this.writer.add("appointments", doc);
			if (post.role == TeamRole.PRINCIPAL) {
				Document term = new Document("appointmentId", id.toHexString()).append("cadreId", post.person.id)
					.append("start", post.start);
				if (post.end != null) {
					term.append("end", post.end);
				}
				term.append("claimedAt", this.now);
				seats.computeIfAbsent(post.org, (k) -> new ArrayList<>()).add(term);
			}
		}
		seats.forEach((org, terms) -> this.writer.add("principal_seats",
				new Document("_id", org.oid).append("terms", terms).append("version", (long) terms.size())));
	}

	/**
	 * Stored arrangements: each department's principal watched by a stationed member of
	 * the body's commission, each township's principal by a member of the county
	 * committee.
	 */
	private void supervisions() {
		for (Org org : this.orgs) {
			Post subject = org.principalOn(this.today);
			if (subject == null || (org.unit != Unit.DEPARTMENT && org.unit != Unit.TOWNSHIP)) {
				continue;
			}
			Org from = (org.unit == Unit.DEPARTMENT) ? org.committee.children.get(1) : org.parent;
			List<Post> candidates = from.othersOn(this.today)
				.stream()
				.filter((p) -> p.role == TeamRole.MEMBER)
				.toList();
			if (candidates.isEmpty()) {
				continue;
			}
			Post supervisor = pick(candidates);
			if (supervisor.person == subject.person) {
				continue;
			}
			LocalDate since = subject.start.isAfter(supervisor.start) ? subject.start : supervisor.start;
			this.writer.add("supervisions", new Document("_id", id()).append("supervisorId", supervisor.person.id)
				.append("subjectId", subject.person.id)
				.append("kind",
						((org.unit == Unit.DEPARTMENT) ? SupervisionKind.STATIONED : SupervisionKind.ASSIGNED).name())
				.append("organizationId", org.id)
				.append("orgPath", org.path)
				.append("from", since)
				.append("stamp", this.stamp)
				.append("_class", StoredSupervision.class.getName()));
		}
	}

	// ---- talks ---------------------------------------------------------------------

	private void supervisionTalks() {
		for (int y = this.year - 3; y <= this.year; y++) {
			LocalDate from = LocalDate.of(y, 1, 1);
			LocalDate to = min(LocalDate.of(y, 12, 31), this.today);
			double share = (y == this.year) ? Math.min(1, 0.2 + this.yearElapsed) : 1;
			double trend = 0.03 * (y - (this.year - 3));
			for (Org org : this.orgs) {
				if (org.parent == null || !chance((((org.unit == Unit.VILLAGE) ? 0.62 : 0.80) + trend) * share)) {
					continue;
				}
				LocalDate date = dayIn(from, to);
				Post subject = org.principalOn(date);
				Post by = org.ancestorPrincipalOn(date, chance(0.2) ? 1 : 0);
				if (by == null) {
					by = org.ancestorPrincipalOn(date, 0);
				}
				if (subject == null || by == null) {
					continue;
				}
				List<String> issues = new ArrayList<>();
				if (chance(0.5)) {
					issues.add(pick(ISSUES));
				}
				String summary = "监督谈话：听取履行全面从严治党主体责任和廉洁自律情况汇报"
						+ (issues.isEmpty() ? "，未发现明显问题" : "，指出" + issues.get(0) + "等问题，提出改进要求");
				talk(TalkKind.SUPERVISION, date, subject.person, List.of(by.person), org, summary, issues);
			}
		}
	}

	private void appointmentTalks() {
		for (Org org : this.orgs) {
			for (Post term : org.principals) {
				if (org.parent == null || term.start.isBefore(this.windowStart) || chance(0.12)) {
					continue;
				}
				LocalDate date = term.start.plusDays(chance(0.8) ? between(0, 30) : between(31, 120));
				if (date.isAfter(this.today) || (term.end != null && date.isAfter(term.end))) {
					continue;
				}
				Post by = org.ancestorPrincipalOn(date, 0);
				if (by != null) {
					talk(TalkKind.APPOINTMENT, date, term.person, List.of(by.person), org,
							"任职谈话：提出忠诚干净担当要求，强调履行全面从严治党第一责任人职责", List.of());
				}
			}
		}
	}

	/** Heart-to-heart talks of principals with their team members, up to the size. */
	private void heartToHeartTalks() {
		int misses = 0;
		while (this.talkCount < this.size.talks() && misses < 1_000_000) {
			Org org = this.orgs.get(this.random.nextInt(this.orgs.size()));
			Post member = org.posts.get(this.random.nextInt(org.posts.size()));
			LocalDate date = (member.role == TeamRole.PRINCIPAL) ? null : dayIn(max(this.windowStart, member.start),
					(member.end != null) ? min(this.today, member.end) : this.today);
			Post principal = (date != null) ? org.principalOn(date) : null;
			if (principal == null || principal.person == member.person) {
				misses++;
				continue;
			}
			talk(TalkKind.HEART_TO_HEART, date, member.person, List.of(principal.person), org, pick(HEART), List.of());
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
		this.writer.add("talks",
				new Document("_id", id()).append("kind", kind.name())
					.append("date", date)
					.append("subjectId", subject.id)
					.append("conductedByIds", by)
					.append("organizationId", org.id)
					.append("orgPath", org.path)
					.append("summary", summary)
					.append("issuesRaised", issues)
					.append("stamp", this.stamp)
					.append("_class", Talk.class.getName()));
		this.talkCount++;
	}

	// ---- meetings ------------------------------------------------------------------

	private void meetings() {
		for (int y = this.year - 4; y <= this.year; y++) {
			for (Org org : this.orgs) {
				if ((org.unit != Unit.COMMITTEE && org.unit != Unit.TOWNSHIP) || !chance(0.93)) {
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
				}
				Document doc = new Document("_id", id()).append("organizationId", org.id)
					.append("orgPath", org.path)
					.append("date", date)
					.append("theme", y + "年度民主生活会：树立和践行正确政绩观");
				if (org.parent != null) {
					doc.append("themeApprovedById", org.parent.id);
				}
				doc.append("upperLevelAttendeeIds", attendees)
					.append("issuesRaised", between(2, 8))
					.append("stamp", this.stamp)
					.append("_class", DemocraticLifeMeeting.class.getName());
				this.writer.add("meetings", doc);
			}
		}
	}

	// ---- findings and tasks ----------------------------------------------------------

	/** A finding planned, with its tasks decided before anything is written. */
	private static final class Plan {

		Org org;

		FindingSource source;

		FindingCategory category;

		Severity severity;

		LocalDate reportedOn;

		Post subject;

		boolean dismissed;

		int tasks;

	}

	private void findings() {
		double[] cumulative = new double[this.orgs.size()];
		double total = 0;
		for (int i = 0; i < this.orgs.size(); i++) {
			total += switch (this.orgs.get(i).unit) {
				case VILLAGE -> 0.22;
				case TOWNSHIP -> 0.45;
				default -> 0.40;
			};
			cumulative[i] = total;
		}
		List<Plan> plans = new ArrayList<>(this.size.findings());
		int tasks = 0;
		for (int i = 0; i < this.size.findings(); i++) {
			Plan plan = new Plan();
			int at = Arrays.binarySearch(cumulative, this.random.nextDouble() * total);
			plan.org = this.orgs.get(Math.min(this.orgs.size() - 1, (at >= 0) ? at : -at - 1));
			plan.reportedOn = dayIn(this.windowStart, this.today);
			plan.source = source(plan.org);
			plan.category = weighted(FindingCategory.values(), 8, 12, 18, 18, 8, 6, 14, 6, 4);
			plan.severity = weighted(new Severity[] { Severity.EARLY_SIGN, Severity.GENERAL, Severity.SERIOUS }, 30, 55,
					15);
			double who = this.random.nextDouble();
			if (who < 0.38) {
				plan.subject = plan.org.principalOn(plan.reportedOn);
			}
			else if (who < 0.68) {
				List<Post> team = plan.org.othersOn(plan.reportedOn);
				plan.subject = team.isEmpty() ? null : pick(team);
			}
			long age = ChronoUnit.DAYS.between(plan.reportedOn, this.today);
			plan.dismissed = age >= 15 && ((plan.source == FindingSource.PETITION && chance(0.3))
					|| (plan.source == FindingSource.DAILY_SUPERVISION && chance(0.06)));
			if (!plan.dismissed && !((age < 20) ? chance(0.5) : chance(0.04))) {
				plan.tasks = chance(0.12) ? 2 : 1;
			}
			tasks += plan.tasks;
			plans.add(plan);
		}
		// more (or fewer) tasks per finding, so that the size's number of tasks is met
		while (tasks < this.size.rectifications()) {
			Plan plan = plans.get(this.random.nextInt(plans.size()));
			if (!plan.dismissed && plan.tasks < 4) {
				plan.tasks++;
				tasks++;
			}
		}
		while (tasks > this.size.rectifications()) {
			Plan plan = plans.get(this.random.nextInt(plans.size()));
			if (plan.tasks > 0) {
				plan.tasks--;
				tasks--;
			}
		}
		for (Plan plan : plans) {
			write(plan);
		}
	}

	private FindingSource source(Org org) {
		if (org.unit == Unit.VILLAGE || org.unit == Unit.TOWNSHIP) {
			return weighted(new FindingSource[] { FindingSource.INSPECTION, FindingSource.PETITION,
					FindingSource.DAILY_SUPERVISION, FindingSource.AUDIT, FindingSource.SELF_CHECK,
					FindingSource.INVESTIGATION }, 30, 25, 20, 8, 10, 7);
		}
		return weighted(new FindingSource[] { FindingSource.INSPECTION_TOUR, FindingSource.INSPECTION,
				FindingSource.AUDIT, FindingSource.PETITION, FindingSource.DAILY_SUPERVISION,
				FindingSource.INVESTIGATION, FindingSource.SELF_CHECK }, (org.level == OrgLevel.COUNTY) ? 0 : 10, 22,
				15, 18, 17, 6, 8);
	}

	private DispositionForm disposition(Plan plan) {
		if (plan.subject == null) {
			return chance(0.6) ? DispositionForm.FIRST : null;
		}
		return switch (plan.severity) {
			case EARLY_SIGN -> DispositionForm.FIRST;
			case GENERAL ->
				weighted(new DispositionForm[] { DispositionForm.FIRST, DispositionForm.SECOND, DispositionForm.THIRD },
						80, 17, 3);
			case SERIOUS -> weighted(DispositionForm.values(), 25, 35, 28, 12);
		};
	}

	/** The finding, its informant, its tasks and the talks it leads to. */
	private void write(Plan plan) {
		ObjectId id = id();
		String findingId = id.toHexString();
		DispositionForm disposition = disposition(plan);
		boolean informant = plan.source == FindingSource.PETITION;
		if (informant) {
			this.writer.add("finding_informants",
					new Document("_id", id).append("informant", chance(0.6) ? name() : "匿名")
						.append("_class", "org.oversight.core.finding.FindingInformant"));
		}
		boolean concernsPrincipal = plan.subject != null && plan.subject.role == TeamRole.PRINCIPAL;
		String description = "反映：" + plan.org.name + pick(PROBLEMS)
				+ ((plan.subject != null) ? "（涉及" + plan.subject.title + plan.subject.person.name + "）" : "");
		int verified = 0;
		for (int i = 0; i < plan.tasks; i++) {
			if (task(plan, findingId, concernsPrincipal, i)) {
				verified++;
			}
		}
		FindingStatus status = plan.dismissed ? FindingStatus.DISMISSED : (plan.tasks == 0) ? FindingStatus.OPEN
				: (verified >= plan.tasks) ? FindingStatus.RECTIFIED : FindingStatus.UNDER_RECTIFICATION;
		Document doc = new Document("_id", id).append("source", plan.source.name())
			.append("category", plan.category.name())
			.append("severity", plan.severity.name())
			.append("severityRank", plan.severity.ordinal())
			.append("status", status.name())
			.append("description", description)
			.append("organizationId", plan.org.id)
			.append("orgPath", plan.org.path);
		if (plan.subject != null) {
			doc.append("subjectId", plan.subject.person.id);
		}
		doc.append("concernsPrincipal", concernsPrincipal).append("reportedOn", plan.reportedOn);
		if (disposition != null) {
			doc.append("disposition", disposition.name());
		}
		doc.append("hasInformant", informant)
			.append("tasks", plan.tasks)
			.append("verifiedTasks", verified)
			// as registered: no recount yet, so the first one (numbered from the
			// finding_recounts sequence, from 1) applies
			.append("statusRevision", 0L)
			.append("version", plan.dismissed ? 1L : (long) plan.tasks)
			.append("stamp", this.stamp)
			.append("_class", Finding.class.getName());
		if (plan.dismissed) {
			doc.append("dismissalReason", pick(DISMISSALS))
				.append("dismissedOn", min(plan.reportedOn.plusDays(between(15, 75)), this.today));
		}
		this.writer.add("findings", doc);
		followUpTalks(plan);
	}

	private void followUpTalks(Plan plan) {
		Post subject = plan.subject;
		if (subject == null) {
			return;
		}
		LocalDate reported = plan.reportedOn;
		if (plan.source == FindingSource.PETITION && chance(0.6)) {
			followUp(TalkKind.INQUIRY_LETTER, reported.plusDays(between(5, 20)), plan, "函询：就信访反映问题发函询问，本人已按期书面说明");
		}
		if (plan.dismissed) {
			return;
		}
		if (plan.severity == Severity.EARLY_SIGN && chance(0.6)) {
			followUp(TalkKind.REMINDER, reported.plusDays(between(3, 20)), plan, "提醒谈话：指出苗头性、倾向性问题，要求及时纠正");
		}
		if (plan.category == FindingCategory.INTEGRITY && chance(0.5)) {
			followUp(TalkKind.INTEGRITY, reported.plusDays(between(5, 30)), plan, "廉政谈话：开展警示教育，要求严守廉洁纪律");
		}
		if (plan.severity != Severity.EARLY_SIGN && chance(0.2)) {
			followUp(TalkKind.ADMONITION, reported.plusDays(between(20, 60)), plan, "诫勉：予以诫勉，责令作出书面检查");
		}
	}

	private void followUp(TalkKind kind, LocalDate date, Plan plan, String summary) {
		if (date.isAfter(this.today)) {
			return;
		}
		Post subject = plan.subject;
		Post by = (subject.role == TeamRole.PRINCIPAL) ? null : plan.org.principalOn(date);
		if (by == null || by.person == subject.person) {
			by = plan.org.ancestorPrincipalOn(date, 0);
		}
		if (by != null) {
			talk(kind, date, subject.person, List.of(by.person), plan.org, summary, List.of());
		}
	}

	private enum Outcome {

		ASSIGNED, IN_PROGRESS, SUBMITTED, VERIFIED

	}

	/**
	 * One task, taken through its life cycle as the demo province does, written as the
	 * services leave it. Returns whether it ended VERIFIED.
	 */
	private boolean task(Plan plan, String findingId, boolean concernsPrincipal, int index) {
		RectificationMode mode = weighted(RectificationMode.values(), 25, 65, 10);
		Org org = plan.org;
		if (mode == RectificationMode.ESCALATED && org.parent != null) {
			org = org.parent;
		}
		else if (index > 0) {
			List<Org> lower = org.children.stream().filter((o) -> !o.principals.isEmpty()).toList();
			if (!lower.isEmpty()) {
				org = pick(lower);
			}
		}
		LocalDate assignedOn = min(plan.reportedOn.plusDays(between(0, 14)), this.today);
		LocalDate deadline = assignedOn.plusDays(switch (mode) {
			case IMMEDIATE -> between(7, 30);
			case DEADLINE -> between(45, 180);
			case ESCALATED -> between(90, 240);
		});
		Post responsible = org.principalOn(assignedOn);
		String responsibleCadre = (responsible != null) ? responsible.person.id : null;
		String measures = pick(MEASURES) + ((mode == RectificationMode.IMMEDIATE) ? "（立行立改）" : "");
		List<Document> history = new ArrayList<>();
		history.add(event(RectificationEventKind.ASSIGNED, assignedOn, measures));
		LocalDate cursor = assignedOn;
		if (chance(0.03)) {
			List<Org> lower = org.children.stream().filter((o) -> !o.principals.isEmpty()).toList();
			LocalDate on = min(cursor.plusDays(between(1, 5)), this.today);
			if (!lower.isEmpty()) {
				org = pick(lower);
				Post cadre = org.principalOn(on);
				responsibleCadre = (cadre != null) ? cadre.person.id : null;
				history.add(event(RectificationEventKind.REASSIGNED, on, "→ " + org.code + " " + org.name));
				cursor = on;
			}
		}
		if (chance(0.08)) {
			LocalDate on = max(deadline.minusDays(between(1, 10)), cursor);
			if (!on.isAfter(this.today)) {
				LocalDate old = deadline;
				deadline = deadline.plusDays(between(30, 90));
				history.add(event(RectificationEventKind.DEADLINE_EXTENDED, on,
						old + " → " + deadline + ": 整改涉及多部门协调，申请延期"));
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
		RectificationStatus status = RectificationStatus.ASSIGNED;
		LocalDate verifiedOn = null;
		BigDecimal funds = null;
		if (outcome != Outcome.ASSIGNED) {
			LocalDate horizon = (submitted == null && deadline.isBefore(this.today)) ? deadline : this.today;
			LocalDate end = (submitted != null) ? submitted : horizon;
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
			history.add(event(RectificationEventKind.PROGRESS, (progress != null) ? progress : cursor, pick(PROGRESS)));
			status = RectificationStatus.IN_PROGRESS;
			if (firstSubmission != null) {
				history.add(event(RectificationEventKind.SUBMITTED, firstSubmission, pick(REPORTS)));
				history.add(event(RectificationEventKind.REJECTED, rejectedOn, REJECTION));
				history.add(event(RectificationEventKind.PROGRESS, resumed, pick(PROGRESS)));
			}
			if (submitted != null) {
				history.add(event(RectificationEventKind.SUBMITTED, submitted, pick(REPORTS)));
				status = RectificationStatus.SUBMITTED;
			}
			if (outcome == Outcome.VERIFIED) {
				verifiedOn = min(submitted.plusDays(between(2, 25)), this.today);
				funds = funds(plan);
				history.add(event(RectificationEventKind.VERIFIED, verifiedOn, pick(ACCEPTANCES)));
				status = RectificationStatus.VERIFIED;
			}
		}
		boolean changed = history.size() > 1;
		Document doc = new Document("_id", id()).append("findingId", findingId);
		if (plan.subject != null) {
			doc.append("findingSubjectId", plan.subject.person.id);
		}
		doc.append("concernsPrincipal", concernsPrincipal)
			.append("responsibleOrganizationId", org.id)
			.append("orgPath", org.path);
		if (responsibleCadre != null || changed) {
			doc.append("responsibleCadreId", responsibleCadre);
		}
		doc.append("mode", mode.name())
			.append("measures", measures)
			.append("deadline", deadline)
			.append("status", status.name())
			.append("assignedOn", assignedOn)
			.append("reminders", List.of())
			.append("history", history)
			.append("version", (long) history.size())
			.append("stamp", this.stamp)
			.append("_class", Rectification.class.getName());
		if (changed) {
			// every life-cycle command sets these, null or not
			doc.append("submittedOn", submitted)
				.append("verifiedOn", verifiedOn)
				.append("fundsRecovered", (funds != null) ? new Decimal128(funds) : null);
		}
		this.writer.add("rectifications", doc);
		return status == RectificationStatus.VERIFIED;
	}

	private static Document event(RectificationEventKind kind, LocalDate on, String note) {
		return new Document("kind", kind.name()).append("on", on).append("by", ACTOR).append("note", note);
	}

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

	private BigDecimal funds(Plan plan) {
		boolean money = plan.category == FindingCategory.INTEGRITY || plan.category == FindingCategory.MASS_DISCIPLINE
				|| plan.source == FindingSource.AUDIT;
		if (!money || !chance(0.5)) {
			return null;
		}
		double low = Math.log(200_000);
		double high = Math.log(80_000_000);
		return BigDecimal.valueOf(Math.round(Math.exp(low + (high - low) * this.random.nextDouble())), 2);
	}

	// ---- records -------------------------------------------------------------------

	private void interferenceAndDutyReports() {
		List<Org> committees = this.orgs.stream().filter((o) -> o.unit == Unit.COMMITTEE).toList();
		for (int i = 0; i < Math.max(3, Math.round(committees.size() * 1.5)); i++) {
			Org committee = pick(committees);
			List<Org> targets = committee.children.stream()
				.filter((o) -> o.unit == Unit.DEPARTMENT || o.unit == Unit.ENTERPRISE)
				.toList();
			Org target = pick(targets);
			LocalDate date = dayIn(this.windowStart, this.today);
			List<Post> leaders = committee.othersOn(date);
			if (leaders.isEmpty()) {
				continue;
			}
			this.writer.add("interference_records",
					new Document("_id", id()).append("organizationId", target.id)
						.append("orgPath", target.path)
						.append("cadreId", pick(leaders).person.id)
						.append("date", date)
						.append("matter", "要求" + target.name + "为某企业优先拨付项目资金")
						.append("recordedBy", ACTOR)
						.append("stamp", this.stamp)
						.append("_class", InterferenceRecord.class.getName()));
		}
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
				boolean covers = !org.children.isEmpty() && chance(0.88);
				this.writer.add("duty_reports",
						new Document("_id", principal.person.id + ":" + org.id + ":" + y)
							.append("organizationId", org.id)
							.append("orgPath", org.path)
							.append("cadreId", principal.person.id)
							.append("year", y)
							.append("deliveredOn", delivered)
							.append("summary", y + "年度述责述廉报告：报告履行全面从严治党主体责任和廉洁自律情况")
							.append("coversLowerPrincipals", covers)
							.append("stamp", this.stamp)
							.append("_class", DutyReport.class.getName()));
			}
		}
	}

	// ---- chance --------------------------------------------------------------------

	/**
	 * Collects documents by collection and sends each full batch with {@code insertMany}
	 * from a second thread, so generating and inserting overlap.
	 */
	static final class Writer {

		private static final List<Document> END = new ArrayList<>();

		private final MongoDatabase db;

		private final Map<String, List<Document>> buffers = new LinkedHashMap<>();

		final Map<String, Integer> written = new java.util.concurrent.ConcurrentHashMap<>();

		private final BlockingQueue<Map.Entry<String, List<Document>>> queue = new ArrayBlockingQueue<>(4);

		private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

		private final Thread thread;

		Writer(MongoDatabase db) {
			this.db = db;
			this.thread = new Thread(this::drain, "bulk-insert");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void add(String collection, Document doc) {
			List<Document> buffer = this.buffers.computeIfAbsent(collection, (k) -> new ArrayList<>(BATCH));
			buffer.add(doc);
			if (buffer.size() >= BATCH) {
				send(collection, buffer);
				this.buffers.put(collection, new ArrayList<>(BATCH));
			}
		}

		private void send(String collection, List<Document> batch) {
			RuntimeException failed = this.failure.get();
			if (failed != null) {
				throw failed;
			}
			try {
				this.queue.put(Map.entry(collection, batch));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while loading", ex);
			}
		}

		private void drain() {
			while (true) {
				Map.Entry<String, List<Document>> batch;
				try {
					batch = this.queue.take();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				if (batch.getValue() == END) {
					return;
				}
				if (this.failure.get() != null) {
					continue;
				}
				try {
					this.db.getCollection(batch.getKey())
						.insertMany(batch.getValue(), new InsertManyOptions().ordered(false));
					this.written.merge(batch.getKey(), batch.getValue().size(), Integer::sum);
				}
				catch (RuntimeException ex) {
					this.failure.set(ex);
				}
			}
		}

		void close() {
			this.buffers.forEach((collection, buffer) -> {
				if (!buffer.isEmpty()) {
					send(collection, buffer);
				}
			});
			this.buffers.clear();
			send("", END);
			try {
				this.thread.join(TimeUnit.MINUTES.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			RuntimeException failed = this.failure.get();
			if (failed != null) {
				throw failed;
			}
		}

		void abort() {
			this.thread.interrupt();
		}

	}

}
