package io.spikewatch.analyst;

import java.io.PrintWriter;

/** Prints a {@link Report} in one {@link OutputFormat}. */
public interface ReportWriter {

    void write(Report report, PrintWriter out);
}
