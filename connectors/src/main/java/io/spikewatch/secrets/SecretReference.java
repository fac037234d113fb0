package io.spikewatch.secrets;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Where a secret is kept, as a configuration file names it: {@code {env: NAME}} (an environment
 * variable of the process that uses it) or {@code {file: PATH}} (a file holding only the secret,
 * such as a mounted Kubernetes or Docker secret; its contents are trimmed). The value itself is
 * never written in a configuration file, so a file can be shared and committed.
 *
 * <p>{@link SecretResolver} turns a reference into its {@link Secret}.
 */
public sealed interface SecretReference extends Serializable {

    String KEY_ENV = "env";
    String KEY_FILE = "file";

    /** An environment variable. */
    record Environment(String variable) implements SecretReference {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

        public Environment {
            Objects.requireNonNull(variable, "variable");
            if (!NAME.matcher(variable).matches()) {
                throw new IllegalArgumentException("'" + variable + "' is not an environment variable name "
                        + "(letters, digits and '_', not starting with a digit)");
            }
        }

        @Override
        public String toString() {
            return "{env: " + variable + "}";
        }
    }

    /**
     * A file, by absolute path (a relative one is resolved when the reference is read from its
     * configuration file, against that file's folder). Kept as text, so the reference is
     * serializable.
     */
    record File(String path) implements SecretReference {
        public File {
            Objects.requireNonNull(path, "path");
            if (!Path.of(path).isAbsolute()) {
                throw new IllegalArgumentException("the secret file '" + path + "' must be an absolute path here");
            }
        }

        public Path asPath() {
            return Path.of(path);
        }

        @Override
        public String toString() {
            return "{file: " + path + "}";
        }
    }

    /**
     * Reads a reference from a parsed YAML or JSON node at configuration key {@code key}: a
     * mapping with exactly one of {@code env} and {@code file}. A relative file path is resolved
     * against {@code baseDir}. A plain string is refused without repeating it, since it is most
     * likely the secret itself.
     *
     * @throws InvalidSecretException naming {@code key} (and the sub-key) and the reason
     */
    static SecretReference parse(String key, Object node, Path baseDir) {
        if (node instanceof CharSequence || node instanceof Number) {
            throw new InvalidSecretException(key + ": a secret is never written in the configuration; give {"
                    + KEY_ENV + ": VARIABLE} or {" + KEY_FILE + ": PATH} instead", false);
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw new InvalidSecretException(key + ": expected {" + KEY_ENV + ": VARIABLE} or {" + KEY_FILE
                    + ": PATH}, found " + (node == null ? "nothing" : node instanceof Iterable ? "a list" : "a " + node.getClass().getSimpleName()), false);
        }
        Set<String> keys = new TreeSet<>();
        for (Object k : map.keySet()) {
            keys.add(String.valueOf(k));
        }
        for (String k : keys) {
            if (!k.equals(KEY_ENV) && !k.equals(KEY_FILE)) {
                throw new InvalidSecretException(key + ": unknown key '" + k + "'; a secret is {" + KEY_ENV
                        + ": VARIABLE} or {" + KEY_FILE + ": PATH}", false);
            }
        }
        if (keys.size() != 1) {
            throw new InvalidSecretException(key + ": give either '" + KEY_ENV + "' or '" + KEY_FILE + "', "
                    + (keys.isEmpty() ? "found neither" : "not both"), false);
        }
        String sub = keys.iterator().next();
        Object value = map.get(sub);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidSecretException(key + "." + sub + ": expected "
                    + (sub.equals(KEY_ENV) ? "the name of an environment variable" : "a file path"), false);
        }
        try {
            if (sub.equals(KEY_ENV)) {
                return new Environment(text.strip());
            }
            Path path = Path.of(text.strip());
            return new File((path.isAbsolute() ? path : baseDir.resolve(path)).toAbsolutePath().normalize().toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidSecretException(key + "." + sub + ": " + e.getMessage(), false);
        }
    }
}
