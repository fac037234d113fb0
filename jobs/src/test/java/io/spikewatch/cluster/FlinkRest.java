package io.spikewatch.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.spikewatch.schema.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * What the tests read from a Flink cluster's REST API (the documented {@code /overview},
 * {@code /jobs/...} endpoints): TaskManagers registered, a job's state and tasks, its completed
 * checkpoints and failovers; and cancelling a job.
 */
final class FlinkRest {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    int taskManagers() {
        return get("/overview").path("taskmanagers").asInt();
    }

    /** The job's state (RUNNING, RESTARTING, FINISHED...). */
    String jobState(String jobId) {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** RUNNING with every task running: the job is not merely scheduled or half-deployed. */
    boolean runningWithAllTasks(String jobId) {
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            if (job.path("jid").asText().equals(jobId)) {
                JsonNode tasks = job.path("tasks");
                return "RUNNING".equals(job.path("state").asText())
                        && tasks.path("running").asInt() == tasks.path("total").asInt() && tasks.path("total").asInt() > 0;
            }
        }
        return false;
    }

    long completedCheckpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** How many times the job failed over (restarted) so far: its exception history. */
    int failovers(String jobId) {
        return get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries").size();
    }

    /** The root cause the job failed over for most recently, or "" if none. */
    String lastFailure(String jobId) {
        JsonNode entries = get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries");
        return entries.isEmpty() ? "" : entries.get(0).path("exceptionName").asText() + ": "
                + entries.get(0).path("stacktrace").asText().lines().findFirst().orElse("");
    }

    void cancel(String jobId) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/jobs/" + jobId + "?mode=cancel"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.request().method() + " " + response.uri() + ": HTTP "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Flink's REST API at " + baseUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + baseUrl, e);
        }
    }
}
