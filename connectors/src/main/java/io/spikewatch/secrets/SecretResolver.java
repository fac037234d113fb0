package io.spikewatch.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the value of a {@link SecretReference} in this process: an environment variable, or a
 * file's contents without leading and trailing white space (so a trailing newline does not become
 * part of a password). Errors name the configuration key, the variable or file and the reason;
 * never the value.
 */
public final class SecretResolver {

    /** A secret file larger than this is refused: it is most likely the wrong file. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private final Function<String, String> environment;

    /** @param environment looks up environment variables ({@code System::getenv} in production) */
    public SecretResolver(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** A resolver over this process's environment. */
    public static SecretResolver ofProcess() {
        return new SecretResolver(System::getenv);
    }

    /**
     * The secret {@code reference} points at, read from configuration key {@code key}.
     *
     * @throws InvalidSecretException naming {@code key}: the variable is unset or empty, the file
     *     is missing, unreadable, empty or too large; {@link InvalidSecretException#unavailable()}
     *     tells an absent value from a broken one
     */
    public Secret resolve(String key, SecretReference reference) {
        if (reference instanceof SecretReference.Environment env) {
            return fromEnvironment(key, env.variable());
        }
        return fromFile(key, ((SecretReference.File) reference).asPath());
    }

    /** The value of environment variable {@code variable}, read for configuration key {@code key}'s {@code env}. */
    public Secret fromEnvironment(String key, String variable) {
        return variable(key + "." + SecretReference.KEY_ENV, variable);
    }

    /**
     * The value of environment variable {@code variable}, named by configuration key
     * {@code keyPath} itself (a {@code ${NAME}} inside a string, an older {@code password_env:}):
     * errors name {@code keyPath} as given.
     *
     * @throws InvalidSecretException (unavailable) when the variable is unset or empty
     */
    public Secret variable(String keyPath, String variable) {
        String value = environment.apply(variable);
        if (value == null) {
            throw new InvalidSecretException(keyPath + ": variable " + variable + " is not set", true);
        }
        if (value.isBlank()) {
            throw new InvalidSecretException(keyPath + ": variable " + variable + " is empty", true);
        }
        return new Secret(value);
    }

    private Secret fromFile(String key, Path file) {
        String where = key + "." + SecretReference.KEY_FILE;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidSecretException(where + ": " + file + " is a folder, not a file", false);
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidSecretException(where + ": " + file + " is larger than " + MAX_FILE_BYTES
                        + " bytes; a secret file holds only the secret", false);
            }
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new InvalidSecretException(where + ": " + file + " is empty", true);
            }
            return new Secret(value);
        } catch (NoSuchFileException e) {
            throw new InvalidSecretException(where + ": " + file + " does not exist", true, e);
        } catch (IOException e) {
            throw new InvalidSecretException(where + ": cannot read " + file + ": " + e.getClass().getSimpleName(), false, e);
        }
    }
}
