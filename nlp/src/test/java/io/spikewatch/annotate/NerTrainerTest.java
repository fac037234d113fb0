package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerTrainerTest {

    @TempDir
    Path dir;

    @Test
    void labelsFoldOrganisationsAndTrainUnscoredTypesAsOutside() throws Exception {
        Path file = dir.resolve("gold.conll");
        Files.writeString(file, "Musk\tB-person\nbought\tO\nTwitter\tB-corporation\nSpaces\tB-product\n", StandardCharsets.UTF_8);
        ConllSentence sentence = ConllNerFile.read(file, ConllNerFile.ALL).sentences().get(0);
        assertThat(NerTrainer.labels(sentence)).containsExactly("PERSON", "O", "ORGANIZATION", "O");
    }

    /** A tiny but real training run: the model learns the names it saw and loads as CoreNLP loads it. */
    @Test
    void trainsAModelThatTagsWhatItLearned() throws Exception {
        StringBuilder gold = new StringBuilder();
        String[][] people = {{"Ron", "DeSantis"}, {"Elon", "Musk"}, {"Donald", "Trump"}};
        String[] places = {"Florida", "Texas", "Ohio"};
        for (int i = 0; i < 30; i++) {
            String[] person = people[i % people.length];
            gold.append(person[0]).append("\tB-person\n").append(person[1]).append("\tI-person\n")
                    .append("spoke\tO\nin\tO\n").append(places[i % places.length]).append("\tB-location\ntoday\tO\n\n");
        }
        Path file = dir.resolve("train.conll");
        Files.writeString(file, gold, StandardCharsets.UTF_8);
        Path model = dir.resolve("tiny.crf.ser.gz");

        NerTrainer.train(ConllNerFile.read(file, ConllNerFile.ALL).sentences(), model);

        CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(model.toFile());
        List<String> labels = new ArrayList<>();
        for (List<CoreLabel> sentence : crf.classify("Elon Musk spoke in Ohio today")) {
            for (CoreLabel token : sentence) {
                labels.add(token.get(edu.stanford.nlp.ling.CoreAnnotations.AnswerAnnotation.class));
            }
        }
        assertThat(labels).containsExactly("PERSON", "PERSON", "O", "O", "LOCATION", "O");
    }

    @Test
    void refusesAMissingFolder() {
        assertThatThrownBy(() -> NerTrainer.train(List.of(new ConllSentence(1, List.of("a"), List.of())),
                dir.resolve("absent/model.crf.ser.gz"))).hasMessageContaining("does not exist");
    }
}
