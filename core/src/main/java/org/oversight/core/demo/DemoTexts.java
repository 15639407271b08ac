package org.oversight.core.demo;

import java.util.List;

import org.oversight.core.finding.FindingCategory;
import org.oversight.core.finding.FindingSource;

/** The Chinese labels and sentences of the demo province. All of it is fictional. */
final class DemoTexts {

	private DemoTexts() {
	}

	/**
	 * A department of a body.
	 *
	 * @param party a Party department ("X委组织部"), otherwise a government one
	 * @param name its name below the province ("财政局")
	 * @param provinceName its name at the province ("财政厅")
	 * @param head the principal's title below the province
	 * @param provinceHead the principal's title at the province
	 */
	record Department(boolean party, String name, String provinceName, String head, String provinceHead) {

		String nameAt(boolean province) {
			return province ? this.provinceName : this.name;
		}

		String headAt(boolean province) {
			return province ? this.provinceHead : this.head;
		}

	}

	/**
	 * Index in {@link #DEPARTMENTS} of the education department (schools hang below it).
	 */
	static final int EDUCATION = 3;

	/**
	 * Index in {@link #DEPARTMENTS} of the health commission (hospitals hang below it).
	 */
	static final int HEALTH = 4;

	/** Departments in the order a body gets them: the first five exist at every scale. */
	static final List<Department> DEPARTMENTS = List.of(new Department(true, "组织部", "组织部", "部长", "部长"),
			new Department(true, "宣传部", "宣传部", "部长", "部长"), new Department(false, "财政局", "财政厅", "局长", "厅长"),
			new Department(false, "教育局", "教育厅", "局长", "厅长"), new Department(false, "卫生健康委员会", "卫生健康委员会", "主任", "主任"),
			new Department(true, "政法委员会", "政法委员会", "书记", "书记"),
			new Department(false, "发展和改革委员会", "发展和改革委员会", "主任", "主任"), new Department(false, "公安局", "公安厅", "局长", "厅长"),
			new Department(false, "自然资源局", "自然资源厅", "局长", "厅长"),
			new Department(false, "住房和城乡建设局", "住房和城乡建设厅", "局长", "厅长"),
			new Department(false, "交通运输局", "交通运输厅", "局长", "厅长"), new Department(false, "农业农村局", "农业农村厅", "局长", "厅长"),
			new Department(false, "审计局", "审计厅", "局长", "厅长"), new Department(true, "统战部", "统战部", "部长", "部长"),
			new Department(false, "民政局", "民政厅", "局长", "厅长"),
			new Department(false, "人力资源和社会保障局", "人力资源和社会保障厅", "局长", "厅长"),
			new Department(false, "生态环境局", "生态环境厅", "局长", "厅长"),
			new Department(false, "国有资产监督管理委员会", "国有资产监督管理委员会", "主任", "主任"),
			new Department(false, "市场监督管理局", "市场监督管理局", "局长", "局长"), new Department(false, "水利局", "水利厅", "局长", "厅长"));

	/** Surnames, most frequent first (picked with a bias towards the front). */
	static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	/** Characters of given names. */
	static final String GIVEN = "伟刚勇毅俊峰强军平东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信杰涛昌成康星光天达安岩中茂进林有坚和博诚先敬震振会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦奇之翰朗伯宏言若鸣朋斌栋维启克伦翔旭鹏泽晨辰建家致树德行泰盛秀娟英华慧巧美娜静淑惠玉萍红玲芬芳燕彩春菊兰凤洁梅琳素云莲雪荣爱霞香月艳瑞凡佳嘉琼勤珍莉桂晶妍秋珊锦青倩婷婉颖露瑶怡丹蓉君琴蕊薇梦岚馨韵卿聪澜纯悦昭冰晓欣宇雨洋忠宗逸贤";

	/** First syllables of place names. */
	static final String PLACE_FIRST = "青云桃柳江宁安平永清长兴丰泰华和新东西南龙凤金石白红梅松竹兰明光宝福寿康乐顺河湖山溪阳嘉庆临武文昌德惠广吉宜盛鹤鹿枫杏";

	/** Second syllables of place names. */
	static final String PLACE_SECOND = "州溪源湾山川河林阳城江水田口坪岭塘桥沟坝港泉庄洲峰岗湖宁安丰平兴泽坡原渡陵浦滩亭关圩岩";

	static final String PROVINCE = "江宁省";

	static final List<String> ORDINALS = List.of("一", "二", "三", "四", "五", "六", "七", "八", "九", "十");

	static String sourcePrefix(FindingSource source, String level) {
		return switch (source) {
			case INSPECTION_TOUR -> "省委巡视组反馈：";
			case INSPECTION -> level + "委巡察组反馈：";
			case AUDIT -> "审计发现：";
			case PETITION -> "信访举报反映：";
			case DEMOCRATIC_LIFE_MEETING -> "民主生活会查摆：";
			case DAILY_SUPERVISION -> "日常监督发现：";
			case INVESTIGATION -> "审查调查中发现：";
			case SELF_CHECK -> "单位自查发现：";
		};
	}

	static List<String> problems(FindingCategory category) {
		return switch (category) {
			case POLITICAL_DISCIPLINE ->
				List.of("贯彻落实上级重大决策部署打折扣、搞变通，传达学习流于形式", "意识形态工作责任制落实不到位，阵地管理存在薄弱环节", "对党员干部发表不当言论问题未及时批评教育和处理");
			case DEMOCRATIC_CENTRALISM ->
				List.of("“三重一大”事项未经集体研究决定，存在个人说了算现象", "党委（党组）会议议事规则不健全，重大项目资金安排会前未充分酝酿", "主要负责人末位表态制度执行不到位");
			case INTEGRITY ->
				List.of("违规发放津贴补贴，涉及资金较大", "公务接待超标准、超范围，以会议费名义列支接待费用", "个别干部收受管理服务对象礼品礼金", "公务用车管理不规范，存在公车私用现象");
			case WORK_STYLE -> List.of("文山会海问题突出，督查检查考核过多过频，基层负担较重", "政务服务窗口办事效率低，群众反映办事难", "调查研究走过场，重留痕轻实效");
			case PERSONNEL -> List.of("干部选拔任用程序不规范，动议环节缺少集体研究", "超职数配备干部，干部档案审核不严", "对任前公示期间收到的反映未核查即任用");
			case MASS_DISCIPLINE -> List.of("惠民惠农补贴发放不及时、不到位，存在优亲厚友问题", "征地拆迁补偿款发放不透明，群众意见较大", "低保评定程序不规范，存在人情保、关系保");
			case RESPONSIBILITY ->
				List.of("全面从严治党主体责任落实不力，对下级党组织监督管理宽松软", "巡察整改主体责任压得不实，整改措施针对性不强", "一把手第一责任人职责履行不到位，对班子成员苗头性问题提醒不及时");
			case FAMILY_BUSINESS -> List.of("领导干部亲属在其管辖范围内经营企业并承揽工程项目", "个别干部配偶在业务关联企业任职未如实报告");
			case OTHER -> List.of("固定资产管理混乱，账实不符", "档案管理不规范，重要文件资料缺失");
		};
	}

	static List<String> measures(FindingCategory category) {
		return switch (category) {
			case POLITICAL_DISCIPLINE -> List.of("召开专题会议重新传达学习，逐项对照检查落实情况，建立重大决策部署落实台账", "修订意识形态工作责任制实施细则，开展阵地排查清理");
			case DEMOCRATIC_CENTRALISM ->
				List.of("修订党委（党组）议事规则和“三重一大”决策制度，重大事项一律集体研究", "对近三年重大事项决策程序开展全面自查，建立会议纪要备案制度");
			case INTEGRITY ->
				List.of("全面清理违规发放的津贴补贴，责任人全额退缴，完善财务报销制度", "开展公务接待和公车使用专项检查，对违规人员严肃处理", "组织警示教育大会，责令相关人员退还礼品礼金");
			case WORK_STYLE -> List.of("精简会议文件和督查检查考核事项，建立基层减负监测点", "推行首问负责和限时办结制度，开展窗口作风专项整治");
			case PERSONNEL -> List.of("严格执行干部选拔任用工作条例，规范动议、民主推荐和考察程序", "制定超职数配备干部消化方案，开展干部档案专项审核");
			case MASS_DISCIPLINE -> List.of("对惠民惠农补贴发放情况逐户核查，追回违规资金并公开公示", "完善低保评审程序，开展“回头看”清理不符合条件对象");
			case RESPONSIBILITY -> List.of("制定落实全面从严治党主体责任清单，一把手带头约谈班子成员", "建立整改工作台账，实行清单化管理、销号式推进");
			case FAMILY_BUSINESS -> List.of("开展领导干部亲属经商办企业专项清理，督促退出相关项目", "组织干部如实报告个人有关事项并开展抽查核实");
			case OTHER -> List.of("开展资产清查，完善固定资产台账和管理制度", "补齐档案资料，健全档案管理制度");
		};
	}

	static final List<String> PROGRESS = List.of("已召开专题会议研究部署，制定整改方案，明确责任人和完成时限", "已完成问题排查，正在完善相关制度",
			"整改措施已落实过半，正在推进剩余事项", "已建立整改台账，按周调度整改进度");

	static final List<String> REPORTS = List.of("整改报告：问题已全部整改到位，建立完善制度2项，对相关责任人进行了批评教育", "整改报告：已按方案完成整改，追回违规资金，建立长效机制",
			"整改报告：整改任务全部完成，举一反三开展专项排查，未发现新问题", "整改报告：已完成整改并在一定范围内通报，相关制度已印发执行");

	static final List<String> REJECTIONS = List.of("整改报告对问题根源剖析不深，佐证材料不全，退回重改", "整改措施停留在表面，未建立长效机制，退回重改",
			"部分整改事项未见实效，退回继续整改");

	static final List<String> ACCEPTANCES = List.of("经现场核查，整改到位，同意销号", "佐证材料齐全，整改效果明显，予以销号", "经验收组评估，整改任务完成，同意销号");

	static final List<String> EXTENSIONS = List.of("涉及历史遗留问题，需协调多个部门共同解决，申请延期", "需履行招投标等法定程序，无法在原定期限内完成，申请延期",
			"涉及资金追缴，相关诉讼尚未审结，申请延期");

	static final List<String> DISMISSALS = List.of("经核查，反映问题与事实不符，予以澄清正名", "经调查核实，所反映问题查无实据，已向被反映人所在单位通报澄清结果",
			"举报人反映情况系对政策误解所致，问题不属实，予以了结并澄清");

	static final List<String> MEETING_THEMES = List.of("强化政治担当，压紧压实全面从严治党主体责任", "树立和践行正确政绩观，以钉钉子精神抓落实",
			"严守纪律规矩，坚决整治形式主义官僚主义", "加强党性修养，锻造忠诚干净担当的领导班子");

	static final List<String> SUPERVISION_ISSUES = List.of("对班子成员日常监督不够", "“三重一大”决策程序需进一步规范", "巡察整改进度滞后", "基层减负措施落实不够",
			"对分管领域廉政风险排查不深", "谈心谈话开展不经常");

	static final List<String> INTERFERENCES = List.of("为某房地产开发项目容积率调整向%s有关负责人打招呼", "在%s工程招投标中为特定企业说情",
			"过问%s正在办理的一起行政处罚案件，要求从轻处理", "向%s推荐亲友承接政府采购项目", "要求%s为某企业优先拨付项目资金");

	static final List<String> HEART_TO_HEART = List.of("谈心谈话：交流思想和工作情况，提醒注意分管领域廉政风险", "谈心谈话：了解家庭和思想状况，勉励其在重点任务中担当作为",
			"谈心谈话：相互交流对班子团结和民主集中制执行情况的意见");

}
