package io.spikewatch.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files, read from the class path once: the page itself, its script and style sheet
 * (in {@code io/spikewatch/live/page/}) and Chart.js from its WebJar
 * ({@code META-INF/resources/webjars/chart.js/VERSION/dist/chart.umd.min.js}, the version read
 * from the WebJar's own Maven properties). Only these paths are served: a request names one of
 * them or gets a 404, so no path can reach another class-path resource.
 */
final class StaticAssets {

    /** A file served as is. */
    record Asset(String contentType, byte[] bytes) {}

    static final String PAGE_FOLDER = "io/spikewatch/live/page/";
    static final String CHART_JS_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    static final String CHART_JS_PATH = "/vendor/chart.umd.min.js";

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    private StaticAssets() {}

    /** Loads every asset; fails naming the resource when the build left one out. */
    static StaticAssets load() {
        StaticAssets loaded = new StaticAssets();
        loaded.add("/", PAGE_FOLDER + "index.html", "text/html; charset=utf-8");
        loaded.add("/app.js", PAGE_FOLDER + "app.js", "text/javascript; charset=utf-8");
        loaded.add("/style.css", PAGE_FOLDER + "style.css", "text/css; charset=utf-8");
        loaded.add(CHART_JS_PATH, "META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js",
                "text/javascript; charset=utf-8");
        return loaded;
    }

    /** The asset served at {@code path}, or null. */
    Asset get(String path) {
        return assets.get(path);
    }

    static String chartJsVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(CHART_JS_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CHART_JS_PROPERTIES, e);
        }
        String version = properties.getProperty("version");
        if (version == null || !version.matches("[0-9A-Za-z.-]+")) {
            throw new IllegalStateException(CHART_JS_PROPERTIES + " has no usable 'version': " + version);
        }
        return version;
    }

    private void add(String path, String resource, String contentType) {
        try (InputStream in = resource(resource)) {
            assets.put(path, new Asset(contentType, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the live page's resource " + resource, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the live page's resource " + name
                    + " is not on the class path (is the chart.js WebJar a dependency, and were the resources built?)");
        }
        return in;
    }
}
