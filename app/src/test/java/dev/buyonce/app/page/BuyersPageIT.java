package dev.buyonce.app.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buyonce.app.crash.PackagedJar;
import dev.buyonce.app.support.Api;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The buyer's page in headless Chromium (Debian's chromium and chromedriver; nothing downloaded), against the
 * packaged jar on the embedded default with its own data directory, so that "continue as demo" works. The browser
 * reaches the service through a {@link Relay} the test can cut. Every claim is checked against the API, not only
 * the page; screenshots of the main screens go to {@code target/screenshots/}. The scenarios build on each other
 * (one user, one browser), in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BuyersPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ORDER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static PackagedJar jar;
    private static Api api;
    private static String token;
    private static Relay relay;
    private static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path dataDir, @TempDir Path profile) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": apt-get install chromium chromium-driver (.ci/run does)");
        jar = PackagedJar.start(dataDir, "buyers-page");
        api = jar.api();
        token = jar.demoToken(); // user "demo", as the page's demo sign-in: the API sees the page's orders
        relay = new Relay(api.port());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1700", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        Files.createDirectories(SCREENSHOTS);
        Files.deleteIfExists(SCREENSHOTS.resolve("browser-console.log"));
        // the system's driver, named: Selenium Manager is never asked to find or download one
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogOutput(Files.newOutputStream(SCREENSHOTS.resolve("chromedriver.log"))).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (relay != null) {
            relay.close();
        }
        if (jar != null) {
            jar.close();
        }
    }

    /** The browser's console, after each scenario, for reading when one fails. */
    @AfterEach
    void keepConsole(TestInfo test) throws IOException {
        List<String> lines = new ArrayList<>(List.of("== " + test.getDisplayName()));
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            lines.add(entry.getLevel() + " " + entry.getMessage());
        }
        Files.write(SCREENSHOTS.resolve("browser-console.log"), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    @Order(1)
    void signsInAsDemoWithoutPastingAToken() {
        browser.get(base() + "/");
        clickable(By.id("demo-sign-in")).click();

        waitUntil("the catalog", () -> browser.findElements(By.cssSelector("#products li")).size() == 4);
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo("Signed in as demo");
        assertThat(browser.findElement(By.cssSelector("li[data-product='coffee'] button.buy")).isEnabled()).isTrue();
        screenshot("01-catalog");
    }

    @Test
    @Order(2)
    void aDoubleClickPlacesOneOrder() {
        int before = ordersOf("coffee").size();
        String earlier = notice();

        new Actions(browser).doubleClick(buyButton("coffee")).perform();

        String notice = noticeMatching(text -> !text.equals(earlier) && text.contains(" placed"));
        waitUntil("the purchase to end", () -> buyButton("coffee").isEnabled());
        List<JsonNode> after = ordersOf("coffee");
        assertThat(after).as("coffee orders after one double click").hasSize(before + 1);
        assertThat(notice).startsWith("Order " + after.get(0).path("orderId").asText());
        assertThat(intents()).isEqualTo("[]");
    }

    @Test
    @Order(3)
    void aPurchaseWhoseAnswerIsLostIsRetriedWithTheSameKeyOnceOnlineAgain() throws InterruptedException {
        int before = ordersOf("credits-100").size();
        relay.loseNextOrderAnswer();

        buyButton("credits-100").click();

        assertThat(relay.awaitOrderAnswered(20)).as("the order reached the service").isTrue();
        assertThat(relay.offline()).isTrue();
        noticeMatching(text -> text.startsWith("No connection") && text.contains("(attempt 3)"));
        screenshot("02-offline-retrying");
        assertThat(ordersOf("credits-100")).as("placed once before the answer was lost").hasSize(before + 1);
        assertThat(intents()).as("the intent, kept until an answer arrives").contains("credits-100");
        assertThat(buyButton("credits-100").isEnabled()).as("no second purchase while the first has no answer").isFalse();

        relay.restore();

        String notice = noticeMatching(text -> text.startsWith("Already placed"));
        screenshot("03-already-placed");
        List<JsonNode> after = ordersOf("credits-100");
        assertThat(after).as("still one order: the retry was a replay").hasSize(before + 1);
        assertThat(notice).contains(after.get(0).path("orderId").asText());
        assertThat(intents()).isEqualTo("[]");
    }

    @Test
    @Order(4)
    void aReloadWhileThePurchaseIsInFlightMeetsTheSameOrder() throws InterruptedException {
        relay.holdNextOrderAnswer();

        buyButton("course-ddd").click();
        assertThat(relay.awaitOrderAnswered(20)).as("the order reached the service").isTrue();
        List<JsonNode> placed = ordersOf("course-ddd");
        assertThat(placed).hasSize(1);
        assertThat(intents()).contains("course-ddd");
        relay.restore();
        browser.navigate().refresh();

        String notice = noticeMatching(text -> text.startsWith("Already placed"));
        screenshot("04-reloaded-same-order");
        String orderId = placed.get(0).path("orderId").asText();
        assertThat(notice).contains(orderId);
        assertThat(ordersOf("course-ddd")).as("the same order, not a second one").hasSize(1);
        assertThat(browser.findElement(By.id("current-id")).getText()).isEqualTo(orderId);
        waitUntil("the card to name the pending order", () -> stateOf("course-ddd").equals("Pending: order " + orderId));
        assertThat(buyButton("course-ddd").isEnabled()).isFalse();
        assertThat(api.get("/api/entitlements/course-ddd", token).json().path("status").asText()).isEqualTo("PENDING");
        assertThat(intents()).isEqualTo("[]");
    }

    @Test
    @Order(5)
    void aPaymentMadeElsewhereShowsUpLiveWithoutAReload() {
        String orderId = browser.findElement(By.id("current-id")).getText();
        assertThat(browser.findElement(By.id("current-status")).getText()).isEqualTo("AWAITING_PAYMENT");
        browser.executeScript("window.sameDocument = true");

        Api.Response payment = api.call("POST", "/api/orders/" + orderId + "/payments").token(token)
                .idempotencyKey("page-it-pay").json("{\"channel\":\"sandbox-card\"}").send();
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        Api.Response paid = api.call("POST", "/sandbox/payments/" + payment.json().path("paymentId").asText() + "/pay")
                .json("{\"notification\":\"DELIVER\"}").send();
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);

        waitUntil("PAID on the page", () -> browser.findElement(By.id("current-status")).getText().equals("PAID"));
        assertThat(browser.executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(api.get("/api/orders/" + orderId, token).json().path("status").asText()).isEqualTo("PAID");
        screenshot("05-paid-live");
    }

    @Test
    @Order(6)
    void anOwnedProductCannotBeBought() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        waitUntil("course-ddd owned", () -> stateOf("course-ddd").equals("Owned since " + today));
        assertThat(buyButton("course-ddd").isEnabled()).isFalse();
        // a purchase from 2019, brought over from a legacy system, owns the product as well
        Api.Response imported = api.call("POST", "/api/admin/imports/purchases").token(token).body("application/x-ndjson",
                HttpRequest.BodyPublishers.ofString("{\"userId\":\"demo\",\"productId\":\"pro-lifetime\","
                        + "\"purchasedAt\":\"2019-03-01T08:00:00Z\",\"reference\":\"page-it-legacy\"}\n")).send();
        assertThat(imported.json().path("imported").asInt()).as(imported.text()).isEqualTo(1);
        browser.navigate().refresh();

        waitUntil("pro-lifetime owned", () -> stateOf("pro-lifetime").equals("Owned since 2019-03-01"));
        WebElement buy = buyButton("pro-lifetime");
        assertThat(buy.isEnabled()).isFalse();
        assertThat(buy.getText()).isEqualTo("Owned");
        new Actions(browser).click(buy).perform();
        screenshot("06-owned");
        assertThat(ordersOf("pro-lifetime")).as("no order for an owned product").isEmpty();
    }

    @Test
    @Order(7)
    void aClaimedCouponIsAppliedAtCheckout() {
        clickable(By.cssSelector("#claimable li[data-coupon='WELCOME10'] button.claim")).click();
        waitUntil("the claim listed", () -> claimStatus("WELCOME10").equals("CLAIMED"));
        waitUntil("the coupon offered at checkout", () -> !browser.findElements(
                By.cssSelector("#coupon-choice option[value='WELCOME10']")).isEmpty());
        new Select(browser.findElement(By.id("coupon-choice"))).selectByValue("WELCOME10");
        int before = ordersOf("coffee").size();
        String earlier = notice();

        buyButton("coffee").click();

        String notice = noticeMatching(text -> !text.equals(earlier) && text.contains(" placed"));
        List<JsonNode> coffee = ordersOf("coffee");
        assertThat(coffee).hasSize(before + 1);
        JsonNode order = coffee.get(0);
        assertThat(notice).contains(order.path("orderId").asText());
        assertThat(order.path("couponId").asText()).isEqualTo("WELCOME10");
        assertThat(order.path("discount").path("amount").asText()).isEqualTo("0.99");
        assertThat(order.path("total").path("amount").asText()).isEqualTo("8.91");
        JsonNode claim = claimOf("WELCOME10");
        assertThat(claim.path("status").asText()).isEqualTo("USED");
        assertThat(claim.path("orderId").asText()).isEqualTo(order.path("orderId").asText());
        waitUntil("the claim shown as used", () -> claimStatus("WELCOME10").equals("USED"));
        screenshot("07-coupon-used");
    }

    @Test
    @Order(8)
    void chosenSeatsAreHeldForTheOrderAndSoldOncePaidFromThePage() {
        clickable(By.id("show-seats")).click();
        clickable(seat("A-3")).click();
        clickable(seat("A-4")).click();
        String earlier = notice();

        clickable(By.id("buy-seats")).click();

        String notice = noticeMatching(text -> !text.equals(earlier) && text.contains(" placed"));
        Matcher id = ORDER_ID.matcher(notice);
        assertThat(id.find()).as(notice).isTrue();
        JsonNode order = api.get("/api/orders/" + id.group(), token).json();
        assertThat(order.path("seats").toString()).isEqualTo("[\"A-3\",\"A-4\"]");
        assertThat(seatStatus("A-3")).isEqualTo("HELD");
        waitUntil("the seats shown held", () -> browser.findElement(seat("A-3")).getAttribute("class").contains("HELD"));
        screenshot("08-seats-held");

        // paid from the page itself: a wallet payment, confirmed in the sandbox; the seats are then sold
        clickable(By.id("pay-wallet")).click();
        clickable(By.id("sandbox-pay")).click();

        waitUntil("PAID on the page", () -> browser.findElement(By.id("current-status")).getText().equals("PAID"));
        assertThat(api.get("/api/orders/" + id.group(), token).json().path("status").asText()).isEqualTo("PAID");
        assertThat(api.get("/api/orders/" + id.group() + "/payments", token).json().findValuesAsText("channel"))
                .containsExactly("sandbox-wallet");
        assertThat(seatStatus("A-3")).isEqualTo("SOLD");
        waitUntil("the seats shown sold", () -> browser.findElement(seat("A-3")).getAttribute("class").contains("SOLD"));
        screenshot("09-seats-paid");
    }

    @Test
    @Order(9)
    void nothingTheBrowserDidLoggedAnError() {
        assertThat(jar.errorLines()).isEmpty();
        assertThat(jar.log()).as("stack traces in the service's log").doesNotContain("\tat ");
    }

    private static String base() {
        return "http://127.0.0.1:" + relay.port();
    }

    /** The caller's orders containing the product, newest first. */
    private static List<JsonNode> ordersOf(String productId) {
        List<JsonNode> orders = new ArrayList<>();
        api.get("/api/orders?page=0&size=100", token).json().path("items").forEach(order -> {
            if (order.path("items").findValuesAsText("productId").contains(productId)) {
                orders.add(order);
            }
        });
        return orders;
    }

    private static JsonNode claimOf(String couponId) {
        for (JsonNode claim : api.get("/api/coupons/mine", token).json()) {
            if (claim.path("couponId").asText().equals(couponId)) {
                return claim;
            }
        }
        throw new AssertionError("no claim of " + couponId);
    }

    private static String seatStatus(String seatId) {
        for (JsonNode category : api.get("/api/programs/demo-concert/seats", token).json().path("categories")) {
            for (JsonNode seat : category.path("seats")) {
                if (seat.path("seatId").asText().equals(seatId)) {
                    return seat.path("status").asText();
                }
            }
        }
        throw new AssertionError("no seat " + seatId);
    }

    private static String intents() {
        Object stored = browser.executeScript("return localStorage.getItem('buyonce.intents')");
        return stored == null ? "[]" : stored.toString();
    }

    private static WebElement buyButton(String productId) {
        return visible(By.cssSelector("li[data-product='" + productId + "'] button.buy"));
    }

    private static String stateOf(String productId) {
        return visible(By.cssSelector("li[data-product='" + productId + "'] .state")).getText();
    }

    private static String claimStatus(String couponId) {
        List<WebElement> status = browser.findElements(By.cssSelector("#my-coupons li[data-coupon='" + couponId + "'] .status"));
        return status.isEmpty() ? "" : status.get(0).getText();
    }

    private static By seat(String seatId) {
        return By.cssSelector("#seat-map button[data-seat='" + seatId + "']");
    }

    private static WebElement visible(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static WebElement clickable(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    private static String notice() {
        return browser.findElement(By.id("notice")).getText();
    }

    private static String noticeMatching(Predicate<String> wanted) {
        String[] seen = {""};
        try {
            waitUntil("the notice", () -> wanted.test(seen[0] = notice()));
        } catch (RuntimeException e) {
            throw new AssertionError("the notice never matched; last seen: " + seen[0], e);
        }
        return seen[0];
    }

    private static void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> condition.getAsBoolean());
    }

    private static void screenshot(String name) {
        try {
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("could not save screenshot " + name, e);
        }
    }
}
