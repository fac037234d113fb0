package io.spikewatch.spikes;

/**
 * Sees a new wave inside a volume episode that is already running: the stream settled on a raised
 * plateau (people waiting for a Space that does not start) and then jumps again (the owner blames
 * a DDoS). The episode's baseline cannot tell, since the whole plateau is already far above it;
 * the plateau itself can. Plain logic; what it remembers is in the {@link EpisodeTrackerState}
 * ({@code waveLevel}, {@code wavePlateauBuckets}, {@code waveLastValue}, {@code waves}).
 *
 * <p>The plateau is an exponential average of the episode's buckets ({@link #PLATEAU_HALF_LIFE_BUCKETS}),
 * trusted after {@link #MIN_PLATEAU_BUCKETS}. A bucket, or the last two buckets summed when both
 * are above the plateau, is a new wave when it is at least {@link #RATIO} times the plateau, at
 * least {@link #MIN_EXCESS} posts above it, and {@link #DEVIATION} deviations above it on the
 * exact Poisson tail ({@link PoissonSurprise}). Once trusted, the plateau learns from a bucket only up to
 * {@link #LEARNING_CLIP} times itself, as a baseline learns only up to a few deviations: the
 * first minutes of a wave that builds over three or four do not lift the plateau they are judged
 * against (they still raise it, more slowly, when the stream settles higher). After a wave the
 * plateau starts again from it, so one wave is reported once.
 */
final class WaveWatch {

    static final int MIN_PLATEAU_BUCKETS = 5;
    static final double PLATEAU_HALF_LIFE_BUCKETS = 5;
    /**
     * A wave is at least half again the plateau: the Poisson tail ({@link #DEVIATION}) is what
     * keeps chance out, so the ratio only asks that the jump matter. At 2 the demo's 2023 crash (a
     * plateau of about 75 angry posts a minute, then 135) was seen a minute late.
     */
    static final double RATIO = 1.5;
    static final double MIN_EXCESS = 5;
    static final double DEVIATION = 5.0;
    /** The plateau learns from a bucket at most this many times the plateau. */
    static final double LEARNING_CLIP = 1.5;
    /** A plateau of (almost) nothing is not taken below this many posts a bucket. */
    private static final double PLATEAU_FLOOR = 0.5;
    private static final double SMOOTHING = 1 - Math.pow(0.5, 1 / PLATEAU_HALF_LIFE_BUCKETS);

    private WaveWatch() {}

    /** Forgets the plateau: a new episode, or a wave that starts a new one. */
    static void restart(EpisodeTrackerState state, double value) {
        state.waveLevel = value;
        state.waveLastValue = value;
        state.wavePlateauBuckets = 1;
    }

    /** Takes the next bucket of a running volume episode; true when it starts a new wave. */
    static boolean observe(EpisodeTrackerState state, double value) {
        double plateau = Math.max(state.waveLevel, PLATEAU_FLOOR);
        boolean wave = false;
        if (state.wavePlateauBuckets >= MIN_PLATEAU_BUCKETS) {
            wave = isWave(value, plateau, 1);
            if (!wave && state.waveLastValue > plateau && value > plateau) {
                wave = isWave(value + state.waveLastValue, plateau, 2);
            }
        }
        if (wave) {
            state.waves++;
            restart(state, value);
            return true;
        }
        boolean trusted = state.wavePlateauBuckets >= MIN_PLATEAU_BUCKETS;
        state.waveLevel += SMOOTHING * ((trusted ? Math.min(value, LEARNING_CLIP * plateau) : value) - state.waveLevel);
        state.waveLastValue = value;
        state.wavePlateauBuckets++;
        return false;
    }

    private static boolean isWave(double sum, double plateau, int buckets) {
        double expected = buckets * plateau;
        return sum >= RATIO * expected && sum - expected >= MIN_EXCESS
                && PoissonSurprise.deviation(sum, expected, 1) >= DEVIATION;
    }
}
