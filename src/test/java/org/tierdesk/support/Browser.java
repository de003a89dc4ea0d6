package org.tierdesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tierdesk.identity.Accounts.Person;

import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium (Debian's {@code chromium} + {@code chromium-driver}) driven by Selenium against the running
 * desk. Paths come from {@code -Dtierdesk.chromium} / {@code -Dtierdesk.chromedriver} (default {@code /usr/bin/...}) so
 * Selenium Manager never goes to the internet. Without a browser the browser tests are skipped on a developer's
 * machine and fail on CI ({@code CI=true}). Screenshots go to {@code target/screenshots/<test>/}.
 */
public final class Browser implements AutoCloseable {

	public static final String CHROMIUM = System.getProperty("tierdesk.chromium", "/usr/bin/chromium");

	public static final String CHROMEDRIVER = System.getProperty("tierdesk.chromedriver", "/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final String base;

	private final Path shots;

	private final AtomicInteger shot = new AtomicInteger();

	private Browser(ChromeDriver driver, String base, Path shots) {
		this.driver = driver;
		this.base = base;
		this.shots = shots;
	}

	/** A new browser (its own profile, cookies and session) for the desk at {@code base}. */
	public static Browser open(String base, String name) {
		boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!present && System.getenv("CI") == null) {
			Assumptions.abort("no Chromium at " + CHROMIUM + " / " + CHROMEDRIVER
					+ ": install chromium and chromium-driver to run the browser tests");
		}
		if (!present) {
			throw new IllegalStateException("CI needs Chromium for the browser tests: apt-get install chromium chromium-driver");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--disable-extensions", "--window-size=1280,900", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
			.usingAnyFreePort().build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
		Path shots = Path.of("target", "screenshots", name);
		try {
			Files.createDirectories(shots);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Browser(driver, base, shots);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	public String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	public Browser signIn(Person who) {
		go("/login");
		field("username").sendKeys(who.username());
		field("password").sendKeys(TestDesk.PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitUntil(d -> !d.getCurrentUrl().contains("/login"));
		return this;
	}

	public Browser signOut() {
		driver.findElement(By.xpath("//form[contains(@action,'/logout')]//button")).click();
		waitUntil(d -> d.getCurrentUrl().contains("/login"));
		return this;
	}

	public WebElement field(String id) {
		return driver.findElement(By.id(id));
	}

	public WebElement css(String selector) {
		return driver.findElement(By.cssSelector(selector));
	}

	public WebElement testId(String id) {
		return css("[data-testid='" + id + "']");
	}

	public List<WebElement> all(String selector) {
		return driver.findElements(By.cssSelector(selector));
	}

	public Browser type(String id, String text) {
		WebElement e = field(id);
		e.clear();
		e.sendKeys(text);
		return this;
	}

	public Browser choose(String id, String value) {
		new Select(field(id)).selectByValue(value);
		return this;
	}

	/** Opens the {@code <details>} around an element (closed sections hide their forms). */
	public Browser reveal(String id) {
		((JavascriptExecutor) driver).executeScript(
				"var d = document.getElementById(arguments[0]).closest('details'); if (d) { d.open = true; }", id);
		return this;
	}

	public Browser click(String testId) {
		WebElement e = testId(testId);
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'})", e);
		e.click();
		return this;
	}

	public <T> T waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
		return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
	}

	public WebElement waitForText(String selector, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(selector), text));
		return css(selector);
	}

	public Browser phoneSized() {
		driver.manage().window().setSize(new Dimension(390, 844));
		return this;
	}

	/** A full-window screenshot, numbered in the order taken. */
	public Path screenshot(String name) {
		Path file = shots.resolve("%02d-%s.png".formatted(shot.incrementAndGet(), name));
		try {
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return file;
	}

	/** One axe-core finding: the rule, its impact and where. */
	public record Violation(String id, String impact, String help, List<String> targets) {
	}

	/** Runs axe-core (from its webjar, injected by the test) on the page; the violations it finds. */
	@SuppressWarnings("unchecked")
	public List<Violation> axe() {
		JavascriptExecutor js = driver;
		js.executeScript(axeSource());
		Object raw = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
				+ "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(JSON.stringify(r.violations)); },"
				+ " function (e) { done('ERROR ' + e); });");
		String json = String.valueOf(raw);
		if (json.startsWith("ERROR")) {
			throw new IllegalStateException("axe-core failed: " + json);
		}
		List<Map<String, Object>> found = JsonMapper.builder().build().readValue(json, List.class);
		return found.stream().map(v -> new Violation((String) v.get("id"), (String) v.get("impact"),
				(String) v.get("help"), ((List<Map<String, Object>>) v.get("nodes")).stream()
					.map(n -> String.valueOf(n.get("target"))).toList())).toList();
	}

	/** The serious and critical violations: what fails a page. */
	public List<Violation> seriousViolations() {
		return axe().stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
	}

	private static String axe;

	private static synchronized String axeSource() {
		if (axe == null) {
			try (InputStream in = Browser.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
				axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return axe;
	}

	@Override
	public void close() {
		driver.quit();
	}
}
