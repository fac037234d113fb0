package io.spikewatch.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedModelsTest {

    @Test
    void releaseForgetsTheModelsLoadedOnceSoTheNextUseLoadsThemAgain() {
        SocialLexicon lexicon = SocialLexicon.standard();
        PolarityModel model = PolarityModel.standard();
        assertThat(SocialLexicon.standard()).as("loaded once").isSameAs(lexicon);

        SharedModels.release();

        assertThat(SocialLexicon.standard()).isNotSameAs(lexicon);
        assertThat(PolarityModel.standard()).isNotSameAs(model);
    }
}
