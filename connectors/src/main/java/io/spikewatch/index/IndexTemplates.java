package io.spikewatch.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Spikewatch index templates (composable templates, one per {@link IndexKind}).
 *
 * <p>Each template is named after the index it governs and its {@code index_patterns} hold exactly
 * that index name, so two prefixes (production and a test) never share a template. Installing is
 * idempotent: a second run overwrites the templates with the same body. When an index already
 * exists, its mapping is updated in place too, so a newly added field is usable without a
 * reindex; an incompatible change (a field changing type) fails with the index named.
 */
public final class IndexTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(IndexTemplates.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IndexTemplates() {}

    /** Installs or updates the templates (one per {@link IndexKind}) for {@code names}, and the mappings of existing indices. */
    public static void install(ElasticsearchClient client, IndexNames names) throws IOException {
        for (IndexKind kind : IndexKind.values()) {
            String index = names.nameOf(kind);
            String body = templateBody(kind, names);
            try {
                client.indices().putIndexTemplate(b -> b.withJson(new StringReader(body)).name(index));
                if (client.indices().exists(e -> e.index(index)).value()) {
                    String mappings = mappings(kind).toString();
                    client.indices().putMapping(b -> b.withJson(new StringReader(mappings)).index(index));
                    LOG.info("Updated the mapping of existing index {}", index);
                }
            } catch (ElasticsearchException e) {
                throw new IOException("Elasticsearch refused the template or mapping of index '" + index
                        + "': " + e.getMessage(), e);
            }
            LOG.info("Installed index template {}", index);
        }
    }

    /** The body of the put-index-template request for {@code kind}, pointed at the index of {@code names}. */
    public static String templateBody(IndexKind kind, IndexNames names) {
        ObjectNode template = load(kind);
        template.putArray("index_patterns").add(names.nameOf(kind));
        return template.toString();
    }

    /** The {@code mappings} section of the template of {@code kind}. */
    public static JsonNode mappings(IndexKind kind) {
        JsonNode mappings = load(kind).path("template").path("mappings");
        if (!mappings.isObject()) {
            throw new IllegalStateException("template resource " + kind.templateResource() + " has no template.mappings");
        }
        return mappings;
    }

    private static ObjectNode load(IndexKind kind) {
        String resource = kind.templateResource();
        try (InputStream in = IndexTemplates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + resource + " is missing from the class path");
            }
            JsonNode node = MAPPER.readTree(in);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalStateException("template resource " + resource + " is not a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template resource " + resource, e);
        }
    }
}
