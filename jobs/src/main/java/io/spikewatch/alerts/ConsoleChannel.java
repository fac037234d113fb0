package io.spikewatch.alerts;

import java.io.PrintStream;

/** Prints each alert as its title, its text and a blank line; a digest as its title and a line per alert. */
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
        print("[ALERT] " + alert.title(), alert.text());
    }

    @Override
    public void send(AlertDigest digest) throws DeliveryException {
        print("[DIGEST] " + digest.title(), digest.text());
    }

    private void print(String title, String text) throws DeliveryException {
        synchronized (out) {
            out.println(title);
            out.println("        " + text.replace("\n", "\n        "));
            out.println();
            out.flush();
            if (out.checkError()) {
                throw new DeliveryException("the console stream reported a write error", false);
            }
        }
    }
}
