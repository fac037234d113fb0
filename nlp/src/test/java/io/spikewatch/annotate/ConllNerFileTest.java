package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllNerFileTest {

    @TempDir
    Path dir;

    @Test
    void readsSentencesFoldsOrganisationsAndSkipsUnscoredTypes() throws Exception {
        Path file = dir.resolve("gold.conll");
        Files.writeString(file, String.join("\n",
                "Ron\tB-person", "DeSantis\tI-person", "left\tO", "Twitter\tB-corporation", "for\tO",
                "the\tO", "GOP\tB-group", "Spaces\tB-product", "",
                "", // two blank lines are still one break
                "in\tO", "Miami\tI-location", "Beach\tI-location", "Florida\tB-location", ""), StandardCharsets.UTF_8);

        ConllNerFile.Contents contents = ConllNerFile.read(file, ConllNerFile.ALL);

        assertThat(contents.sentences()).hasSize(2);
        ConllSentence first = contents.sentences().get(0);
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.text()).isEqualTo("Ron DeSantis left Twitter for the GOP Spaces");
        assertThat(first.gold()).containsExactly(
                new TokenSpan(EntityType.PERSON, 0, 2),
                new TokenSpan(EntityType.ORGANIZATION, 3, 4),
                new TokenSpan(EntityType.ORGANIZATION, 6, 7));
        // an I- tag with no entity to continue starts one, as the CoNLL scorer reads it
        assertThat(contents.sentences().get(1).gold()).containsExactly(
                new TokenSpan(EntityType.LOCATION, 1, 3), new TokenSpan(EntityType.LOCATION, 3, 4));
        assertThat(contents.sentences().get(1).line()).isEqualTo(11);
        assertThat(contents.unscoredTypes()).containsExactly("product");
        assertThat(ConllNerFile.read(file, 1).sentences()).hasSize(1);
    }

    @Test
    void acceptsCoNllTwoThousandThreeTagsInTheLastColumn() throws Exception {
        Path file = dir.resolve("conll03.txt");
        Files.writeString(file, "EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\nLondon NNP B-NP B-LOC\n",
                StandardCharsets.UTF_8);
        ConllSentence sentence = ConllNerFile.read(file, ConllNerFile.ALL).sentences().get(0);
        assertThat(sentence.tokens()).containsExactly("EU", "rejects", "German", "London");
        assertThat(sentence.gold()).containsExactly(
                new TokenSpan(EntityType.ORGANIZATION, 0, 1), new TokenSpan(EntityType.LOCATION, 3, 4));
    }

    @Test
    void namesTheFileAndLineOfAMalformedLine() throws Exception {
        Path badTag = dir.resolve("bad-tag.conll");
        Files.writeString(badTag, "Musk\tB-person\nsays\tX-person\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConllNerFile.read(badTag, ConllNerFile.ALL))
                .hasMessageContaining("bad-tag.conll:2").hasMessageContaining("'X-person'");

        Path noTag = dir.resolve("no-tag.conll");
        Files.writeString(noTag, "Musk\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConllNerFile.read(noTag, ConllNerFile.ALL))
                .hasMessageContaining("no-tag.conll:1").hasMessageContaining("expected token<TAB>tag");

        Path empty = dir.resolve("empty.conll");
        Files.writeString(empty, "\n\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConllNerFile.read(empty, ConllNerFile.ALL)).hasMessageContaining("no sentence");

        assertThatThrownBy(() -> ConllNerFile.read(dir.resolve("absent.conll"), 5)).hasMessageContaining("absent.conll: no such file");
    }
}
