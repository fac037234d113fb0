package io.spikewatch.alerts;

import java.io.PrintStream;

/** Prints each alert as its title, its text and a blank line. */
public final class ConsoleChannel implements AlertChannel {

    private final String name;
    private final PrintStream out;

    public ConsoleChannel(String name, PrintStream out) {
        this.name = name;
        this.out = out;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Alert alert) throws DeliveryException {
        synchronized (out) {
            out.println("[ALERT] " + alert.title());
            out.println("        " + alert.text());
            out.println();
            out.flush();
            if (out.checkError()) {
                throw new DeliveryException("the console stream reported a write error", false);
            }
        }
    }
}
