package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AnnotatorConfigTest {

    @Test
    void defaultsUseTheShiftReduceParserAndALeanNer() {
        Properties p = AnnotatorConfig.defaults().pipelineProperties();
        assertThat(p.getProperty("annotators")).isEqualTo("tokenize,ssplit,pos,ner,parse,sentiment");
        assertThat(p.getProperty("parse.model")).isEqualTo(ParserChoice.SHIFT_REDUCE.modelPath());
        assertThat(p.getProperty("parse.maxlen")).isEqualTo(Integer.toString(AnnotatorConfig.DEFAULT_MAX_PARSE_SENTENCE_LENGTH));
        assertThat(p.getProperty("ner.applyFineGrained")).isEqualTo("false");
        assertThat(p.getProperty("ner.useSUTime")).isEqualTo("false");
        assertThat(p.getProperty("ner.model")).isEqualTo(String.join(",", AnnotatorConfig.LEAN_NER_MODELS));
        // the caseless model labels what the cased one left as O, not only classes the first lacks
        assertThat(p.getProperty("ner.combinationMode")).isEqualTo("HIGH_RECALL");
    }

    @Test
    void oneNerModelNeedsNoCombinationMode() {
        Properties p = AnnotatorConfig.builder().nerModels(List.of(AnnotatorConfig.LEAN_NER_MODELS.get(0))).build()
                .pipelineProperties();
        assertThat(p).doesNotContainKey("ner.combinationMode");
    }

    @Test
    void coreNlpDefaultIsThePcfgPipelineWithCoreNlpsNerDefaults() {
        Properties p = AnnotatorConfig.coreNlpDefault().pipelineProperties();
        assertThat(p.getProperty("annotators")).isEqualTo("tokenize,ssplit,pos,lemma,ner,parse,sentiment");
        assertThat(p.getProperty("parse.model")).isEqualTo(ParserChoice.PCFG.modelPath());
        assertThat(p.getProperty("parse.maxlen")).isEqualTo("-1");
        assertThat(p).doesNotContainKeys("ner.model", "ner.applyFineGrained", "ner.useSUTime");
    }

    @Test
    void resourcesNamedByTheConfigExistOnTheClasspath() {
        for (ParserChoice parser : ParserChoice.values()) {
            assertThat(getClass().getClassLoader().getResource(parser.modelPath())).as(parser.name()).isNotNull();
        }
        for (String model : AnnotatorConfig.LEAN_NER_MODELS) {
            assertThat(getClass().getClassLoader().getResource(model)).as(model).isNotNull();
        }
    }

    @Test
    void settersRejectBadValuesAtOnce() {
        assertThatThrownBy(() -> AnnotatorConfig.builder().maxParseSentenceLength(0))
                .hasMessageContaining("maxParseSentenceLength");
        assertThatThrownBy(() -> AnnotatorConfig.builder().nerModels(List.of("a,b")))
                .hasMessageContaining("nerModels");
        assertThatThrownBy(() -> AnnotatorConfig.builder().trackedEntitiesYaml("entities: [1]", "cluster-config"))
                .isInstanceOf(InvalidTrackedEntitiesException.class)
                .hasMessageStartingWith("cluster-config: entities[0]");
    }

    @Test
    void travelsByJavaSerializationWithItsTrackedEntities() throws Exception {
        AnnotatorConfig config = AnnotatorConfig.builder().trackedEntitiesFile(SeedFiles.trackedEntities()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        AnnotatorConfig copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (AnnotatorConfig) in.readObject();
        }
        assertThat(copy).isEqualTo(config);
        assertThat(copy.trackedEntities().byName("Elon Musk")).isPresent();
        assertThat(CoreNlpPipelines.key(copy.pipelineProperties())).isEqualTo(CoreNlpPipelines.key(config.pipelineProperties()));
    }
}
