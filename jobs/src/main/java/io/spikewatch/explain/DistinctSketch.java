package io.spikewatch.explain;

import java.util.Objects;

/**
 * Counts distinct strings in a fixed 16 KiB, whatever their number: a HyperLogLog sketch (Flajolet
 * et al. 2007) of 2^{@value #PRECISION} one-byte registers over a 64-bit hash, with linear counting
 * for small numbers. The standard error is 1.04/√m = 0.8%. Static methods over the register array,
 * so the array itself can live in a POJO that Flink serializes ({@link BucketStats#authorSketch});
 * sketches merge by taking each register's maximum, which is the sketch of the union.
 */
public final class DistinctSketch {

    /** Bits of the hash that choose the register. */
    static final int PRECISION = 14;
    static final int REGISTERS = 1 << PRECISION;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private DistinctSketch() {}

    /** An empty sketch. */
    public static byte[] create() {
        return new byte[REGISTERS];
    }

    public static void add(byte[] registers, String value) {
        check(registers);
        long hash = hash(Objects.requireNonNull(value, "value"));
        int register = (int) (hash >>> (Long.SIZE - PRECISION));
        long rest = hash << PRECISION;
        // position of the first 1 bit in the remaining 50 bits, 1-based; 51 when all are 0
        int rank = Math.min(Long.numberOfLeadingZeros(rest), Long.SIZE - PRECISION) + 1;
        if (rank > registers[register]) {
            registers[register] = (byte) rank;
        }
    }

    /** Adds everything {@code from} counted to {@code into}. */
    public static void merge(byte[] into, byte[] from) {
        check(into);
        check(from);
        for (int i = 0; i < REGISTERS; i++) {
            if (from[i] > into[i]) {
                into[i] = from[i];
            }
        }
    }

    /** The estimated number of distinct values added. */
    public static long estimate(byte[] registers) {
        check(registers);
        double sum = 0;
        int zeros = 0;
        for (byte rank : registers) {
            sum += Math.scalb(1.0, -rank);
            if (rank == 0) {
                zeros++;
            }
        }
        double raw = ALPHA * REGISTERS * (double) REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && zeros > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
        }
        return Math.round(raw);
    }

    /** FNV-1a over the UTF-16 units, then the SplitMix64 finalizer, so every bit depends on every character. */
    static long hash(String value) {
        long h = FNV_OFFSET;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= FNV_PRIME;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h;
    }

    private static void check(byte[] registers) {
        if (registers == null || registers.length != REGISTERS) {
            throw new IllegalArgumentException("a distinct sketch has " + REGISTERS + " registers, got "
                    + (registers == null ? "none" : registers.length));
        }
    }
}
