package fr.communitydefender.app.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (both installed by scripts/test; no
 * browser download): types and clicks in the console as a person would.
 */
final class Browser implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  final WebDriver driver;
  private final int port;
  private final WebDriverWait wait;

  private Browser(WebDriver driver, int port) {
    this.driver = driver;
    this.port = port;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  static Browser open(Path workDir, int port) throws Exception {
    assertThat(Path.of(CHROMIUM)).as("Chromium is installed by scripts/test (Debian package chromium)").exists();
    assertThat(Path.of(DRIVER)).as("installed by scripts/test (Debian package chromium-driver)").exists();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM);
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createTempDirectory(workDir, "chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, o), port);
  }

  void go(String path) {
    driver.get("http://127.0.0.1:" + port + path);
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
    wait.until(condition::apply);
  }

  /** Types the user name and password into the sign-in form and submits it, then waits for the live status. */
  void signIn(String username, String password) {
    WebElement user = visible(By.id("login-username"));
    user.clear();
    user.sendKeys(username);
    driver.findElement(By.id("login-password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    waitText(By.id("status"), "en direct");
  }

  @Override
  public void close() {
    driver.quit();
  }
}
