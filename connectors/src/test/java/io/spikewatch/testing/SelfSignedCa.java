package io.spikewatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed CA certificate in PEM, made by the JDK's own {@code keytool} (always
 * there where the tests run), for tests that need a real certificate to parse or trust.
 */
public final class SelfSignedCa {

    private static final long TOOL_TIMEOUT_SECONDS = 60;

    private SelfSignedCa() {}

    /** Writes a new CA certificate named {@code cn} as PEM into {@code dir} and returns its bytes. */
    public static byte[] pem(Path dir, String cn) {
        Path keystore = dir.resolve(cn + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String storePassword = "test-" + ProcessHandle.current().pid();
        run(List.of(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + cn, "-ext", "bc:c", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", storePassword));
        Path pem = dir.resolve(cn + ".crt");
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", keystore.toString(),
                "-storepass", storePassword, "-file", pem.toString()));
        try {
            return Files.readAllBytes(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
