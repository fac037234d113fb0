/**
 * The analysts' read side: queries over the Spikewatch indices (trends, spike episodes, what drove
 * a spike, share of voice) that return plain records, and the table, CSV and JSON writers the
 * {@code trends}, {@code spikes}, {@code explain} and {@code share-of-voice} commands print them with.
 * Nothing here depends on Flink; the picocli commands in {@code io.spikewatch.cli} are thin.
 */
package io.spikewatch.analyst;
