package io.spikewatch.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.index.IndexNames;
import io.spikewatch.schema.Json;
import io.spikewatch.testing.LocalElasticsearch;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The live page end to end: a small fixture in a real Elasticsearch, the real server, and Debian's
 * Chromium driven headless through chromedriver. Writes a screenshot to
 * {@code target/live-page.png}.
 */
class LivePageITCase {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration PAGE_WAIT = Duration.ofSeconds(30);
    static final Path SCREENSHOT = Path.of("target", "live-page.png");

    private static LiveServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        LocalElasticsearch elasticsearch = LocalElasticsearch.get();
        IndexNames names = elasticsearch.uniqueNames();
        LivePageFixture.write(elasticsearch.client(), names);
        server = LiveServer.start(elasticsearch.connection(), names, 0);
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pageShowsTheFixtureAndAClickedSpikeAndKeepsHostileTextAsText() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the live page test needs Debian's chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": install them with 'apt-get install -y --no-install-recommends chromium chromium-driver' (.ci/run does)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(server.url().toString());
            WebDriverWait wait = new WebDriverWait(driver, PAGE_WAIT);
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "true"));

            assertThat(driver.findElement(By.id("volume-total")).getText()).isEqualTo(String.valueOf(LivePageFixture.POSTS));
            List<WebElement> entityRows = driver.findElements(By.cssSelector("#top-entities tbody tr"));
            assertThat(entityRows).isNotEmpty();
            assertThat(entityRows.get(0).findElement(By.className("entity")).getText()).isEqualTo(LivePageFixture.TOP_ENTITY);
            assertThat(entityRows.get(0).findElement(By.className("count")).getText()).isEqualTo("5");
            assertThat(driver.findElement(By.id("alerts")).getText()).contains("Spike about Elon Musk");
            assertThat(driver.findElement(By.id("statements")).getText()).contains("Tonight's Space shows the problem <b>bold</b>");

            WebElement spike = driver.findElement(By.cssSelector("button.spike"));
            assertThat(spike.getAttribute("data-spike-id")).isEqualTo(LivePageFixture.SPIKE.id());
            spike.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("spike-detail"), LivePageFixture.SPIKE_TERM));
            WebElement detail = driver.findElement(By.id("spike-detail"));
            assertThat(detail.getText()).contains("6 posts against 0.5 expected", "#TrumpOnX", "unable to join");
            assertThat(detail.findElements(By.cssSelector(".series-posts li.post"))).hasSize(5);

            List<String> reachTexts = driver.findElements(By.cssSelector("#most-reach .text")).stream().map(WebElement::getText).toList();
            assertThat(reachTexts.get(0)).isEqualTo(LivePageFixture.HOSTILE_TEXT);
            assertThat(driver.findElement(By.cssSelector("#negative-posts")).getText()).contains(LivePageFixture.HOSTILE_TEXT);
            assertThat(detail.findElement(By.cssSelector(".top-posts .text")).getText()).isEqualTo(LivePageFixture.HOSTILE_TEXT);
            JavascriptExecutor js = driver;
            assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
            assertThat(js.executeScript("return document.querySelectorAll('main img, main script, main b').length")).isEqualTo(0L);

            Files.createDirectories(SCREENSHOT.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(SCREENSHOT)).isPositive();
        } finally {
            driver.quit();
        }
    }

    @Test
    void endpointsRefuseBadParametersWithAReasonAndSendSecurityHeaders() throws Exception {
        HttpResponse<String> bad = get("/api/volume?from=yesterday&to=2024-08-13T01:00:00Z");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(bad.body()).path("error").asText()).contains("'from'", "yesterday", "ISO-8601");
        assertThat(bad.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(bad.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        assertThat(get("/api/volume?from=2024-08-13T00:00:00Z&to=2024-08-13T01:00:00Z&size=1000").body()).contains("unknown parameter 'size'");
        assertThat(get("/api/spike?id=" + URLEncoder.encode("all|volume|then", StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(get("/api/spike?id=" + URLEncoder.encode("all|volume|2024-08-13T00:11:00Z", StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(404);
        assertThat(get("/../pom.xml").statusCode()).isEqualTo(404);

        HttpResponse<String> sentiment = get("/api/entity-sentiment?from=2024-08-13T00:00:00Z&to=2024-08-13T00:20:00Z&entity="
                + URLEncoder.encode(LivePageFixture.TOP_ENTITY, StandardCharsets.UTF_8));
        JsonNode series = Json.MAPPER.readTree(sentiment.body()).path("series");
        assertThat(series).hasSize(1);
        assertThat(series.get(0).path("values").get(10).asDouble()).isEqualTo(-1.0);
        assertThat(series.get(0).path("values").get(11).asDouble()).isEqualTo(-1.0);
        assertThat(series.get(0).path("values").get(12).isNull()).isTrue();

        HttpResponse<String> posts = get("/api/most-reach?from=2024-08-13T00:00:00Z&to=2024-08-13T00:20:00Z");
        assertThat(posts.statusCode()).isEqualTo(200);
        assertThat(posts.body()).doesNotContain("javascript:");

        assertThat(statusWithHost("evil.example:" + server.port())).isEqualTo(403);
        assertThat(statusWithHost("localhost:" + server.port())).isEqualTo(200);
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(server.url().resolve("/api/extent"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    /** The status of GET /api/extent sent with {@code host} as its Host header (the JDK client will not send another). */
    private static int statusWithHost(String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(server.url().getHost(), server.port())) {
            socket.getOutputStream().write(("GET /api/extent HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url().toString().replaceAll("/$", "") + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
