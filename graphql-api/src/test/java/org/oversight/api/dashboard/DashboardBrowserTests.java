package org.oversight.api.dashboard;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import org.oversight.OversightApplication;
import org.oversight.api.security.AccountService;
import org.oversight.api.viewer.Role;
import org.oversight.core.common.Actor;
import org.oversight.core.demo.DemoDataLoader;
import org.oversight.core.demo.DemoProvince;
import org.oversight.core.demo.DemoProvinceLoaded;
import org.oversight.core.organization.Organizations;
import org.oversight.core.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard served at {@code /}, driven in headless Chromium against the running
 * server holding the demo province (today is {@link TestDatabase#TODAY}): sign-in, each
 * screen with its figures compared to the API's answers to the same queries
 * ({@code static/dashboard/queries.js}), the live overdue list updated by a sweep, the
 * account's scope, empty screens; a 1920×1080 screenshot of each screen goes to
 * {@code docs/dashboard/}. Skipped, with the reason, where no browser is installed.
 */
@ExtendWith(Browser.class)
@SpringBootTest(classes = OversightApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "oversight.demo-loader.enabled=false", "oversight.scheduler.enabled=false",
				"oversight.security.admin-password=" + DashboardBrowserTests.ADMIN_PASSWORD })
@Import(TestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTests {

	static final String ADMIN_PASSWORD = "dashboard-admin";

	static final int YEAR = TestDatabase.TODAY.getYear() - 1;

	private static final Pattern QUERY = Pattern.compile("export const (\\w+) = `(.*?)`;", Pattern.DOTALL);

	@LocalServerPort
	int port;

	@Autowired
	DemoProvince demo;

	@Autowired
	Organizations organizations;

	@Autowired
	AccountService accounts;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	TestDatabase.MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	ChromeDriver driver;

	Path profile;

	Map<String, String> queries;

	final Path screenshots = Path.of(System.getProperty("oversight.dashboard.screenshots", "../docs/dashboard"));

	@BeforeAll
	void demoProvinceAndBrowser() throws IOException {
		// the embedded database is shared by every test class of this JVM: start from
		// empty
		for (String name : this.mongo.getCollectionNames()) {
			if (!name.startsWith("system.") && !name.startsWith("QRTZ") && !name.equals("shedlock")) {
				this.mongo.getCollection(name).deleteMany(new Document());
			}
		}
		this.clock.reset();
		this.accounts.bootstrap();
		DemoProvince.Summary summary = Actor.as("demo", () -> this.demo.load(1, DemoDataLoader.SEED));
		this.events.publishEvent(new DemoProvinceLoaded(summary));
		this.queries = queries();
		this.profile = Files.createTempDirectory("oversight-chromium-");
		try {
			this.driver = Browser.start(this.profile);
			Browser.pinClock(this.driver, this.clock.instant(), TestDatabase.ZONE);
		}
		catch (WebDriverException ex) {
			Assumptions.abort(Browser.SKIPPED
				.formatted("Chromium did not start (" + ex.getMessage().lines().findFirst().orElse("") + ")"));
		}
	}

	@AfterAll
	void quit() throws IOException {
		if (this.driver != null) {
			this.driver.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	// ------------------------------------------------------------------ the tests

	@Test
	@Order(1)
	void signsInWithATokenKeptForTheTab() {
		this.driver.get(url("/"));
		waitFor("!document.getElementById('signin').hidden");
		signIn("admin", "wrong-password");
		waitFor("!document.getElementById('signin-error').hidden");
		assertThat(text("#signin-error")).contains("用户名或密码错误");
		assertThat(js("return sessionStorage.getItem('oversight.token')")).isNull();

		signIn("admin", ADMIN_PASSWORD);
		waitFor("!document.getElementById('shell').hidden && document.getElementById('account-name').textContent === 'admin'");
		String stored = (String) js("return sessionStorage.getItem('oversight.token')");
		assertThat(stored).contains("\"token\"").contains("\"expiresAt\"");
		assertThat(text("#account-scope")).isEqualTo("管辖范围：全部");
		assertThat(this.driver.findElements(By.cssSelector("#tabs a"))).extracting(WebElement::getText)
			.containsExactly("综合态势", "逾期督办", "监督关系", "谈话覆盖", "政治生态报告");
	}

	@Test
	@Order(2)
	@SuppressWarnings("unchecked")
	void overviewShowsTheChildrensGradesAndCountsAsTheApiAnswers() throws IOException {
		String province = org("P01");
		open("overview", province);

		Map<String, Object> overview = (Map<String, Object>) query("overview", Map.of("id", province))
			.get("organization");
		Map<String, Object> grades = (Map<String, Object>) query("gradesAndTrend",
				Map.of("id", province, "year", YEAR, "y1", YEAR - 1, "y2", YEAR - 2, "y3", YEAR - 3))
			.get("organization");

		assertThat(text("[data-test=kpi-open]")).isEqualTo(count(grades.get("open")));
		assertThat(text("[data-test=kpi-overdue]")).isEqualTo(count(grades.get("overdue")));
		assertThat(text("[data-test=kpi-findings]")).isEqualTo(count(grades.get("findings")));
		Map<String, Object> own = (Map<String, Object>) grades.get("y0");
		assertThat(own).as("the demo has reports for " + YEAR).isNotNull();
		assertThat(text("[data-test=own-score]")).isEqualTo(score(own.get("score")));

		List<Map<String, Object>> children = (List<Map<String, Object>>) overview.get("children");
		assertThat(children).isNotEmpty();
		List<Map<String, Object>> rows = (List<Map<String, Object>>) js("""
				return [...document.querySelectorAll('.children-panel tbody tr')].map(tr => ({
				  code: tr.dataset.code,
				  grade: tr.querySelector('.grade') ? (tr.querySelector('.grade').dataset.grade || null) : null,
				  open: tr.querySelector('td.open').textContent,
				  overdue: tr.querySelector('td.overdue').textContent,
				  findings: tr.querySelector('td.findings').textContent }))""");
		assertThat(rows).hasSameSizeAs(children);
		Map<String, Map<String, Object>> gradeByCode = new LinkedHashMap<>();
		for (Map<String, Object> child : (List<Map<String, Object>>) grades.get("children")) {
			gradeByCode.put((String) child.get("code"), child);
		}
		for (int i = 0; i < children.size(); i++) {
			Map<String, Object> child = children.get(i);
			Map<String, Object> row = rows.get(i);
			assertThat(row.get("code")).isEqualTo(child.get("code"));
			assertThat(row.get("open")).isEqualTo(count(child.get("open")));
			assertThat(row.get("overdue")).isEqualTo(count(child.get("overdue")));
			assertThat(row.get("findings")).isEqualTo(count(child.get("findings")));
			Map<String, Object> report = (Map<String, Object>) gradeByCode.get(child.get("code")).get("y0");
			assertThat(row.get("grade")).as("grade of " + child.get("code"))
				.isEqualTo((report != null) ? report.get("grade") : null);
		}
		assertThat(canvases()).as("charts drawn").isGreaterThanOrEqualTo(4);
		screenshot("overview");
	}

	@Test
	@Order(3)
	@SuppressWarnings("unchecked")
	void theOverdueListShowsTheApiRowsAndTakesASweepsStepsLive() throws Exception {
		String province = org("P01");
		open("overdue", province);
		waitFor("document.getElementById('live-state').dataset.state === 'live'");

		Map<String, Object> list = (Map<String, Object>) query("overdueList", Map.of("under", province))
			.get("rectifications");
		List<Map<String, Object>> nodes = ((List<Map<String, Object>>) list.get("edges")).stream()
			.map((edge) -> (Map<String, Object>) edge.get("node"))
			.toList();
		assertThat(text("[data-test=overdue-total]")).isEqualTo(String.valueOf(list.get("totalCount")));
		List<Map<String, Object>> rows = overdueRows();
		assertThat(rows).extracting((row) -> row.get("id"))
			.containsExactlyElementsOf(nodes.stream().map((n) -> n.get("id")).toList());
		for (int i = 0; i < nodes.size(); i++) {
			assertThat(rows.get(i).get("days")).isEqualTo(String.valueOf(nodes.get(i).get("daysOverdue")));
			assertThat(((Number) rows.get(i).get("steps")).intValue())
				.isEqualTo(((List<?>) nodes.get(i).get("reminders")).size());
		}

		// a task overdue since 10 May, entered after the page was loaded, escalated by a
		// sweep
		js("window.__sameDocument = true");
		String county = org("P01-C01-X01");
		String finding = (String) admin().documentName("registerFinding")
			.variable("input",
					Map.of("source", "INSPECTION", "category", "RESPONSIBILITY", "severity", "SERIOUS", "description",
							"市委巡察组反馈：柳宁区委落实全面从严治党主体责任不到位，巡察整改方案未按期报送", "organizationId", county, "reportedOn",
							"2026-04-20"))
			.execute()
			.path("registerFinding.id")
			.entity(String.class)
			.get();
		String task = (String) admin().documentName("assignRectification")
			.variable("input",
					Map.of("findingId", finding, "responsibleOrganizationId", county, "mode", "DEADLINE", "measures",
							"限期报送巡察整改方案，逐条销号并向市委巡察办报告整改进展", "deadline", "2026-05-10"))
			.execute()
			.path("assignRectification.id")
			.entity(String.class)
			.get();
		Thread.sleep(300);
		assertThat(overdueRows()).extracting((row) -> row.get("id")).doesNotContain(task);

		admin().documentName("runOverdueSweep")
			.execute()
			.path("runOverdueSweep.summonses")
			.entity(Integer.class)
			.satisfies((summonses) -> assertThat(summonses).isPositive());
		waitFor("document.querySelector('tr[data-id=\"" + task + "\"]') !== null", Duration.ofSeconds(20));
		Map<String, Object> row = overdueRows().stream()
			.filter((r) -> task.equals(r.get("id")))
			.findFirst()
			.orElseThrow();
		assertThat(row.get("days")).isEqualTo("36");
		assertThat(((Number) row.get("steps")).intValue()).isEqualTo(3);
		assertThat(js("return window.__sameDocument === true")).as("no reload").isEqualTo(true);
		assertThat(text("[data-test=feed]")).contains("柳宁区委：逾期 36 天，已发约谈");
		Object total = ((Map<String, Object>) query("overdueList", Map.of("under", province)).get("rectifications"))
			.get("totalCount");
		waitFor("document.querySelector('[data-test=overdue-total]').textContent === '" + total + "'");
		js("document.querySelector('tr[data-id=\"" + task + "\"]').scrollIntoView({ block: 'center' })");
		Thread.sleep(300);
		screenshot("overdue");
	}

	@Test
	@Order(4)
	@SuppressWarnings("unchecked")
	void theSupervisionExplorerDrawsTheCadresChainAndSupervisees() throws IOException {
		String county = org("P01-C01-X01");
		open("supervision", county);
		Map<String, Object> context = (Map<String, Object>) query("organizationContext", Map.of("id", county))
			.get("organization");
		String code = (String) ((Map<String, Object>) context.get("principal")).get("code");
		Map<String, Object> cadre = (Map<String, Object>) query("supervisionGraph", Map.of("code", code))
			.get("cadreByCode");

		assertThat(text("[data-test=cadre-name]")).isEqualTo(cadre.get("name"));
		assertThat(text("[data-test=span]")).isEqualTo(String.valueOf(cadre.get("spanOfControl")));
		assertThat(text("[data-test=chain-depth]")).isEqualTo(String.valueOf(cadre.get("chainDepth")));
		assertThat((List<String>) js(
				"return [...document.querySelectorAll('[data-test=chain] li')].map(li => li.dataset.code)"))
			.containsExactlyElementsOf(((List<Map<String, Object>>) cadre.get("supervisionChain")).stream()
				.map((c) -> (String) c.get("code"))
				.toList());
		long supervisees = ((List<Map<String, Object>>) cadre.get("supervisees")).stream()
			.map((edge) -> ((Map<String, Object>) edge.get("subject")).get("id"))
			.distinct()
			.count();
		assertThat(text("[data-test=supervisees]")).isEqualTo(supervisees + " 人");

		String postOrganization = ((List<Map<String, Object>>) cadre.get("currentPosts")).stream()
			.filter((post) -> "PRINCIPAL".equals(post.get("role")))
			.map((post) -> (String) ((Map<String, Object>) post.get("organization")).get("id"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> blind = (Map<String, Object>) query("blindSpotsBelow", Map.of("id", postOrganization))
			.get("blindSpots");
		List<String> vacancies = ((List<Map<String, Object>>) blind.get("vacancies")).stream()
			.map((o) -> (String) o.get("code"))
			.toList();
		assertThat((List<String>) js(
				"return [...document.querySelectorAll('[data-test=vacancies] li')].map(li => li.dataset.code)"))
			.containsExactlyElementsOf(vacancies);
		long directVacancies = ((List<Map<String, Object>>) blind.get("vacancies")).stream()
			.filter((o) -> postOrganization.equals(((Map<String, Object>) o.get("parent")).get("id")))
			.count();
		// the graph: the cadre, the chain, the other supervisors and supervisees, the
		// vacant posts right below
		Map<String, Object> graph = (Map<String, Object>) js(
				"""
						const el = document.querySelector('.graph');
						return { nodes: Number(el.dataset.nodes), edges: Number(el.dataset.edges), canvas: !!el.querySelector('canvas') }""");
		assertThat(graph.get("canvas")).isEqualTo(true);
		List<Object> people = new ArrayList<>();
		people.add(cadre.get("id"));
		for (String list : List.of("supervisionChain")) {
			((List<Map<String, Object>>) cadre.get(list)).forEach((c) -> people.add(c.get("id")));
		}
		((List<Map<String, Object>>) cadre.get("supervisors"))
			.forEach((e) -> people.add(((Map<String, Object>) e.get("supervisor")).get("id")));
		((List<Map<String, Object>>) cadre.get("supervisees"))
			.forEach((e) -> people.add(((Map<String, Object>) e.get("subject")).get("id")));
		assertThat(((Number) graph.get("nodes")).longValue())
			.isEqualTo(people.stream().distinct().count() + directVacancies);
		screenshot("supervision");

		// searching finds what the API finds; picking one explores that cadre
		WebElement search = this.driver.findElement(By.id("cadre-search"));
		search.sendKeys((String) ((Map<String, Object>) ((List<?>) cadre.get("supervisionChain")).get(0)).get("name"));
		search.submit();
		waitFor("document.querySelectorAll('#cadre-results li[data-code]').length > 0");
		Map<String, Object> found = (Map<String, Object>) query("findCadre",
				Map.of("text", ((Map<String, Object>) ((List<?>) cadre.get("supervisionChain")).get(0)).get("name")))
			.get("searchCadres");
		List<String> codes = ((List<Map<String, Object>>) found.get("edges")).stream()
			.map((edge) -> (String) ((Map<String, Object>) edge.get("node")).get("code"))
			.toList();
		assertThat((List<String>) js(
				"return [...document.querySelectorAll('#cadre-results li[data-code]')].map(li => li.dataset.code)"))
			.containsExactlyElementsOf(codes);
		this.driver.findElement(By.cssSelector("#cadre-results li[data-code]")).click();
		waitFor("document.getElementById('screen').dataset.ready === 'true' && location.hash.includes('cadre="
				+ codes.get(0) + "')");
		assertThat(text("[data-test=cadre-name]"))
			.isEqualTo(((Map<String, Object>) ((List<?>) cadre.get("supervisionChain")).get(0)).get("name"));
	}

	@Test
	@Order(5)
	@SuppressWarnings("unchecked")
	void coverageShowsTheTalksVacanciesAndObligationsOfTheApi() throws IOException {
		String province = org("P01");
		open("coverage", province);
		Map<String, Object> answer = query("coverage", Map.of("id", province, "year", YEAR));
		Map<String, Object> coverage = (Map<String, Object>) answer.get("supervisionCoverage");
		Map<String, Object> obligations = (Map<String, Object>) query("openObligations", Map.of("under", province))
			.get("talkObligations");

		assertThat(text("[data-test=principals]")).isEqualTo(String.valueOf(coverage.get("principals")));
		assertThat(text("[data-test=with-talk]")).isEqualTo(String.valueOf(coverage.get("withSupervisionTalk")));
		assertThat(text("[data-test=new-principals]")).isEqualTo(String.valueOf(coverage.get("newPrincipals")));
		assertThat(text("[data-test=uncovered-total]")).isEqualTo(count(coverage.get("uncovered")));
		assertThat(text("[data-test=vacancies-total]")).isEqualTo(count(coverage.get("vacancies")));
		assertThat(text("[data-test=obligations-total]")).isEqualTo(count(obligations));
		List<String> uncovered = ((List<Map<String, Object>>) ((Map<String, Object>) coverage.get("uncovered"))
			.get("edges")).stream()
			.map((edge) -> (String) ((Map<String, Object>) edge.get("node")).get("code"))
			.toList();
		assertThat((List<String>) js(
				"return [...document.querySelectorAll('.coverage-layout tr[data-code]')].map(tr => tr.dataset.code)"))
			.startsWith(uncovered.toArray(String[]::new));
		List<String> blindVacancies = ((List<Map<String, Object>>) ((Map<String, Object>) answer.get("blindSpots"))
			.get("vacancies")).stream().map((o) -> (String) o.get("code")).toList();
		assertThat((List<String>) js(
				"return [...document.querySelectorAll('[data-test=blind-vacancies] li')].map(li => li.dataset.code)"))
			.containsExactlyElementsOf(blindVacancies);
		assertThat(this.driver.findElements(By.cssSelector("table.obligations tbody tr")))
			.hasSize(((List<?>) obligations.get("edges")).size());
		screenshot("coverage");
	}

	@Test
	@Order(6)
	@SuppressWarnings("unchecked")
	void theReportScreenShowsTheYearsReportWithWorkingDownloads() throws Exception {
		String city = org("P01-C01");
		open("reports", city);
		Map<String, Object> organization = (Map<String, Object>) query("report",
				Map.of("id", city, "year", YEAR, "previous", YEAR - 1))
			.get("organization");
		Map<String, Object> report = (Map<String, Object>) organization.get("ecologyReport");

		assertThat(text("[data-test=report-score]")).isEqualTo(score(report.get("score")));
		assertThat(text("[data-test=report-rank]"))
			.isEqualTo(report.get("rankAmongPeers") + " / " + report.get("peerCount"));
		assertThat(this.driver.findElements(By.cssSelector(".indicators tbody tr")))
			.hasSize(((List<?>) report.get("indicators")).size());
		String narrative = text("[data-test=narrative]").replaceAll("\\s+", "");
		assertThat(narrative).isEqualTo(((String) report.get("narrative")).replaceAll("\\s+", ""));
		String grade = (String) js("return document.querySelector('.kpis .grade').dataset.grade");
		assertThat(grade).isEqualTo(report.get("grade"));

		String pdf = this.driver.findElement(By.cssSelector("[data-test=download-pdf]")).getDomProperty("href");
		String docx = this.driver.findElement(By.cssSelector("[data-test=download-docx]")).getDomProperty("href");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> pdfBody = http.send(HttpRequest.newBuilder(URI.create(pdf)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdfBody.statusCode()).isEqualTo(200);
		assertThat(new String(pdfBody.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		HttpResponse<byte[]> docxBody = http.send(HttpRequest.newBuilder(URI.create(docx)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(docxBody.statusCode()).isEqualTo(200);
		assertThat(new String(docxBody.body(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
		screenshot("reports");
	}

	@Test
	@Order(7)
	@SuppressWarnings("unchecked")
	void aScopedAccountSeesOnlyItsSubtree() {
		String city = org("P01-C02");
		this.accounts
			.create(new AccountService.CreateAccount("xinglin", "xinglin-password", List.of(Role.VIEWER), city, null));
		this.driver.findElement(By.id("sign-out")).click();
		waitFor("!document.getElementById('signin').hidden");
		assertThat(js("return sessionStorage.getItem('oversight.token')")).isNull();
		this.driver.get(url("/"));
		waitFor("!document.getElementById('signin').hidden");
		signIn("xinglin", "xinglin-password");
		waitFor("document.getElementById('screen').dataset.ready === 'true' && document.getElementById('screen').dataset.screen === 'overview'");
		assertThat(text("#current-org")).isEqualTo("杏林市委");
		assertThat(text("#account-scope")).isEqualTo("管辖范围：杏林市委");
		assertThat(this.driver.findElements(By.cssSelector("#breadcrumb a"))).as("nothing above the scope").isEmpty();
		List<String> shown = (List<String>) js(
				"return [...document.querySelectorAll('.children-panel tbody tr')].map(tr => tr.dataset.code)");
		List<Map<String, Object>> children = (List<Map<String, Object>>) ((Map<String, Object>) as("xinglin",
				"xinglin-password")
			.document(this.queries.get("overview"))
			.variable("id", city)
			.execute()
			.path("organization")
			.entity(Map.class)
			.get()).get("children");
		assertThat(shown).containsExactlyElementsOf(children.stream().map((c) -> (String) c.get("code")).toList());
		assertThat(shown).allSatisfy((code) -> assertThat(code).startsWith("P01-C02"));

		// an organization outside the scope is refused, not shown
		js("location.hash = '#/overview?org=" + org("P01-C01") + "&year=" + YEAR + "'");
		waitFor("document.querySelector('#screen .state-error') !== null");
		assertThat(text("#screen .state-error")).contains("不在当前账号的管辖范围内");
		this.driver.findElement(By.id("sign-out")).click();
		waitFor("!document.getElementById('signin').hidden");
	}

	@Test
	@Order(8)
	void emptyScreensSayWhatIsMissingInsteadOfBreaking() {
		this.driver.get(url("/"));
		waitFor("!document.getElementById('signin').hidden");
		signIn("admin", ADMIN_PASSWORD);
		waitFor("document.getElementById('screen').dataset.ready === 'true'");
		String village = org("P01-C01-X01-T01-V01");
		int noReports = YEAR - 10;
		for (String screen : List.of("overview", "overdue", "coverage", "reports", "supervision")) {
			js("location.hash = '#/" + screen + "?org=" + village + "&year=" + noReports + "'");
			waitFor("document.getElementById('screen').dataset.screen === '" + screen
					+ "' && (document.getElementById('screen').dataset.ready === 'true' || document.querySelector('#screen .state-error') !== null)");
			assertThat(this.driver.findElements(By.cssSelector("#screen .state-error"))).as(screen + " shows no error")
				.isEmpty();
		}
		js("location.hash = '#/overview?org=" + village + "&year=" + noReports + "'");
		waitFor("document.getElementById('screen').dataset.ready === 'true' && document.getElementById('screen').dataset.screen === 'overview'");
		assertThat(text("#screen")).contains("该组织没有下级组织").contains("近年尚未生成政治生态分析报告");
		js("location.hash = '#/reports?org=" + village + "&year=" + noReports + "'");
		waitFor("document.getElementById('screen').dataset.ready === 'true' && document.getElementById('screen').dataset.screen === 'reports'");
		assertThat(text("#screen")).contains("尚未生成");
	}

	// ------------------------------------------------------------------ helpers

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	String org(String code) {
		return this.organizations.findByCode(code).orElseThrow().id();
	}

	void signIn(String username, String password) {
		WebElement user = this.driver.findElement(By.id("signin-username"));
		user.clear();
		user.sendKeys(username);
		WebElement secret = this.driver.findElement(By.id("signin-password"));
		secret.clear();
		secret.sendKeys(password);
		this.driver.findElement(By.id("signin-submit")).click();
	}

	void open(String screen, String organizationId) {
		js("location.hash = '#/" + screen + "?org=" + organizationId + "&year=" + YEAR + "'");
		waitFor("document.getElementById('screen').dataset.screen === '" + screen
				+ "' && document.getElementById('screen').dataset.ready === 'true' && document.getElementById('current-org') !== null");
		assertThat(this.driver.findElements(By.cssSelector("#screen .state-error"))).as(screen + " shows no error")
			.isEmpty();
	}

	Object js(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	String text(String selector) {
		return ((String) ((JavascriptExecutor) this.driver)
			.executeScript("return document.querySelector(arguments[0]).textContent", selector)).trim();
	}

	long canvases() {
		return (Long) js("return document.querySelectorAll('#screen canvas').length");
	}

	@SuppressWarnings("unchecked")
	List<Map<String, Object>> overdueRows() {
		return (List<Map<String, Object>>) js("""
				return [...document.querySelectorAll('.overdue-table tbody tr')].map(tr => ({
				  id: tr.dataset.id,
				  days: tr.querySelector('[data-test=days]').textContent,
				  steps: tr.querySelectorAll('.step.issued').length }))""");
	}

	void waitFor(String condition) {
		waitFor(condition, Duration.ofSeconds(15));
	}

	void waitFor(String condition, Duration timeout) {
		new WebDriverWait(this.driver, timeout, Duration.ofMillis(100))
			.withMessage(() -> "waiting for " + condition + "; screen: " + js(
					"return document.getElementById('screen') ? document.getElementById('screen').innerText.slice(0, 300) : document.body.innerText.slice(0, 300)"))
			.until((d) -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return !!(" + condition + ")")));
	}

	void screenshot(String name) throws IOException {
		if (!Files.isDirectory(this.screenshots.toAbsolutePath().getParent())) {
			return;
		}
		Files.createDirectories(this.screenshots);
		// the same picture on every run: no hover where the last click was, animations
		// (the highlight of a row that just arrived) stopped at the same moment
		new Actions(this.driver).moveToLocation(2, 2).perform();
		js("document.getAnimations().forEach(a => { a.pause(); a.currentTime = 600; })");
		byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
		Path file = this.screenshots.resolve(name + ".png");
		if (!Files.exists(file) || !nearlyTheSame(Files.readAllBytes(file), png)) {
			Files.write(file, png);
		}
	}

	/**
	 * Whether two screenshots differ in a few antialiased pixels only (Chromium does not
	 * draw every rounded corner the same twice), so a build leaves a committed picture
	 * alone unless something visible changed.
	 */
	static boolean nearlyTheSame(byte[] a, byte[] b) throws IOException {
		BufferedImage first = ImageIO.read(new ByteArrayInputStream(a));
		BufferedImage second = ImageIO.read(new ByteArrayInputStream(b));
		if (first == null || second == null || first.getWidth() != second.getWidth()
				|| first.getHeight() != second.getHeight()) {
			return false;
		}
		long different = 0;
		for (int y = 0; y < first.getHeight(); y++) {
			for (int x = 0; x < first.getWidth(); x++) {
				if (first.getRGB(x, y) != second.getRGB(x, y)) {
					different++;
				}
			}
		}
		return different < 200;
	}

	static String count(Object connection) {
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) connection;
		return String.valueOf(map.get("totalCount"));
	}

	static String score(Object value) {
		return String.format(java.util.Locale.ROOT, "%.1f", ((Number) value).doubleValue());
	}

	/** The documents the dashboard sends, read from the page's own queries.js. */
	static Map<String, String> queries() throws IOException {
		try (InputStream in = DashboardBrowserTests.class.getResourceAsStream("/static/dashboard/queries.js")) {
			Matcher matcher = QUERY.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			Map<String, String> queries = new LinkedHashMap<>();
			while (matcher.find()) {
				queries.put(matcher.group(1), matcher.group(2));
			}
			return queries;
		}
	}

	@SuppressWarnings("unchecked")
	Map<String, Object> query(String name, Map<String, Object> variables) {
		var request = admin().document(this.queries.get(name));
		for (var variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		var response = request.execute();
		response.errors().verify();
		return response.path("").entity(Map.class).get();
	}

	HttpGraphQlTester admin() {
		return as("admin", ADMIN_PASSWORD);
	}

	HttpGraphQlTester as(String username, String password) {
		String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return HttpGraphQlTester.create(WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + this.port + "/graphql")
			.defaultHeader("Authorization", "Basic " + basic)
			.responseTimeout(Duration.ofSeconds(30))
			.build());
	}

}
