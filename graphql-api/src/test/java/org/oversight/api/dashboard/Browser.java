package org.oversight.api.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver, headless, for the dashboard's browser tests; and
 * the condition that skips those tests, saying why, on a machine without them
 * ({@code scripts/install-browser.sh} installs them, and the build runs it before the
 * tests where it can). Other binaries can be named with the system properties
 * {@code oversight.browser.chromium} and {@code oversight.browser.chromedriver}.
 */
public final class Browser implements ExecutionCondition {

	static final String SKIPPED = "Dashboard browser tests skipped: %s. scripts/install-browser.sh installs Debian's "
			+ "chromium and chromium-driver (as root); the build runs it before the tests where it can.";

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<Path> chromium = chromium();
		Optional<Path> driver = chromedriver();
		if (chromium.isEmpty() || driver.isEmpty()) {
			List<String> missing = new ArrayList<>();
			if (chromium.isEmpty()) {
				missing.add(where("chromium", "oversight.browser.chromium"));
			}
			if (driver.isEmpty()) {
				missing.add(where("chromedriver", "oversight.browser.chromedriver"));
			}
			return ConditionEvaluationResult.disabled(SKIPPED.formatted(String.join(" and ", missing)));
		}
		return ConditionEvaluationResult.enabled("Chromium " + chromium.get() + ", ChromeDriver " + driver.get());
	}

	private static String where(String name, String property) {
		String configured = System.getProperty(property);
		return (configured != null && !configured.isBlank()) ? "no executable " + name + " at " + configured
				: "no " + name + " on this machine's PATH";
	}

	static Optional<Path> chromium() {
		return find("oversight.browser.chromium", "chromium", "chromium-browser");
	}

	static Optional<Path> chromedriver() {
		return find("oversight.browser.chromedriver", "chromedriver");
	}

	private static Optional<Path> find(String property, String... names) {
		String configured = System.getProperty(property);
		if (configured != null && !configured.isBlank()) {
			Path path = Path.of(configured);
			return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
		}
		String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin";
		for (String name : names) {
			for (String directory : pathVariable.split(File.pathSeparator)) {
				if (!directory.isBlank()) {
					Path candidate = Path.of(directory, name);
					if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
						return Optional.of(candidate);
					}
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Starts headless Chromium with a fresh profile and a 1920×1080 viewport.
	 * @param profile an empty directory for the profile
	 * @return the driver
	 */
	static ChromeDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium().orElseThrow().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
				"--disable-dev-shm-usage", "--lang=zh-CN", "--hide-scrollbars", "--window-size=1920,1080",
				"--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver().orElseThrow().toFile())
			.usingAnyFreePort()
			.withTimeout(Duration.ofSeconds(30))
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		viewport(driver, 1920, 1080);
		return driver;
	}

	/**
	 * Shows the page the server's day and zone: {@code new Date()} without arguments
	 * answers the given instant in every page loaded from now on ({@code Date.now()},
	 * which timers and charts use, keeps running), so that the header clock and the times
	 * of the live feed agree with the test clock and screenshots come out the same on
	 * every run.
	 * @param driver the browser
	 * @param now the instant the page should see
	 * @param zone the zone it should show it in
	 */
	static void pinClock(ChromeDriver driver, java.time.Instant now, java.time.ZoneId zone) {
		driver.executeCdpCommand("Emulation.setTimezoneOverride", java.util.Map.of("timezoneId", zone.getId()));
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
				(() => {
				  const Real = Date;
				  class Pinned extends Real {
				    constructor(...args) {
				      if (args.length === 0) { super(%d); } else { super(...args); }
				    }
				  }
				  globalThis.Date = Pinned;
				})();""".formatted(now.toEpochMilli())));
	}

	/** Sizes the window so that the page itself gets width × height pixels. */
	static void viewport(ChromeDriver driver, int width, int height) {
		for (int attempt = 0; attempt < 3; attempt++) {
			List<?> inner = (List<?>) ((JavascriptExecutor) driver)
				.executeScript("return [window.innerWidth, window.innerHeight]");
			int innerWidth = ((Number) inner.get(0)).intValue();
			int innerHeight = ((Number) inner.get(1)).intValue();
			if (innerWidth == width && innerHeight == height) {
				return;
			}
			Dimension outer = driver.manage().window().getSize();
			driver.manage()
				.window()
				.setSize(
						new Dimension(outer.getWidth() + width - innerWidth, outer.getHeight() + height - innerHeight));
		}
	}

}
