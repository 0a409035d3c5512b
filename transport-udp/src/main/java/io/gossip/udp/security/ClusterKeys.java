package io.gossip.udp.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loads cluster keys from a file or an environment variable, never from a command-line argument
 * (arguments are visible to every user of the machine through the process list).
 *
 * <p>Each key is 32 bytes written as standard base64 (44 characters, e.g. the output of
 * {@code openssl rand -base64 32}) or as 64 hex digits ({@code openssl rand -hex 32}). The first
 * key is the primary key (it seals); the others may only open, which is what a rotation needs.
 * In a file: one key per line, blank lines and lines starting with {@code #} ignored. In an
 * environment variable: keys separated by commas or white space. A key of the wrong length, or text
 * that is neither base64 nor hex, is refused with an {@link IllegalArgumentException} naming the
 * source and the key's position, never its content.
 */
public final class ClusterKeys {
    /** The environment variable the documentation and the simulator's CLI use. */
    public static final String DEFAULT_ENVIRONMENT_VARIABLE = "GOSSIP_CLUSTER_KEY";
    private static final System.Logger LOG = System.getLogger(ClusterKeys.class.getName());

    private ClusterKeys() {
    }

    /**
     * The keyring written in {@code file}. Warns (System.Logger) if the file is readable by other
     * users of the machine.
     *
     * @param file the key file, UTF-8 text with one key per line, not null
     * @return a keyring whose primary is the file's first key and which opens with every key in it
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no key, or a malformed key or one of the wrong length
     */
    public static Keyring fromFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        warnIfShared(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty()) {
            lines.set(0, withoutByteOrderMark(lines.get(0)));
        }
        List<String> keys = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(line);
                where.add(file + " line " + (i + 1));
            }
        }
        return build(keys, where, "key file " + file);
    }

    /**
     * The keyring a node was configured with, the way a command line offers it: from
     * {@code keyFile} if one is given, else from {@link #DEFAULT_ENVIRONMENT_VARIABLE} if that is
     * set, else none (the caller then requires an explicit insecure choice).
     *
     * @param keyFile the key file, or null to look at the environment variable
     * @return the keyring, or empty if there is neither a file nor the variable
     * @throws IOException if the key file cannot be read
     * @throws IllegalArgumentException if the file or variable holds no key, a malformed key or one
     *     of the wrong length
     */
    public static Optional<Keyring> configured(Path keyFile) throws IOException {
        return configured(keyFile, System.getenv());
    }

    /**
     * {@link #configured(Path)} reading the variable from {@code environment} instead of the
     * process's, so a command line can be tested without changing the real environment.
     *
     * @param keyFile the key file, or null to look at the variable in {@code environment}
     * @param environment the variables to read {@link #DEFAULT_ENVIRONMENT_VARIABLE} from, not null
     * @return the keyring, or empty if there is neither a file nor the variable
     * @throws IOException if the key file cannot be read
     * @throws IllegalArgumentException as {@link #configured(Path)}
     */
    public static Optional<Keyring> configured(Path keyFile, Map<String, String> environment) throws IOException {
        if (keyFile != null) {
            return Optional.of(fromFile(keyFile));
        }
        if (environment.get(DEFAULT_ENVIRONMENT_VARIABLE) != null) {
            return Optional.of(fromEnvironment(DEFAULT_ENVIRONMENT_VARIABLE, environment));
        }
        return Optional.empty();
    }

    /**
     * The keyring in environment variable {@code name}, e.g. {@link #DEFAULT_ENVIRONMENT_VARIABLE}.
     *
     * @param name the variable's name, not null
     * @return a keyring whose primary is the variable's first key
     * @throws IllegalArgumentException if the variable is unset or empty, or holds a malformed key or
     *     one of the wrong length
     */
    public static Keyring fromEnvironment(String name) {
        return fromEnvironment(name, System.getenv());
    }

    /** {@link #fromEnvironment(String)} reading from {@code environment}, for tests. */
    static Keyring fromEnvironment(String name, Map<String, String> environment) {
        Objects.requireNonNull(name, "name");
        String value = environment.get(name);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + name + " is not set");
        }
        return parse(value, "environment variable " + name);
    }

    /**
     * The keyring in {@code text}: keys separated by commas or white space, the first primary.
     * {@code source} names where the text came from in error messages.
     *
     * @param text the keys, base64 or hex each, not null; a leading byte-order mark is ignored
     * @param source where the text came from, for error messages (for example "environment variable X")
     * @return a keyring whose primary is the first key
     * @throws IllegalArgumentException if there is no key, or a malformed key or one of the wrong length
     */
    public static Keyring parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        List<String> keys = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (String token : withoutByteOrderMark(text).strip().split("[,\\s]+")) {
            if (!token.isEmpty()) {
                keys.add(token);
                where.add(source + " key " + (keys.size()));
            }
        }
        return build(keys, where, source);
    }

    /**
     * {@code text} without a leading UTF-8 byte-order mark, which some editors (Windows Notepad)
     * write at the start of a file and which is no part of a key.
     */
    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * One key from its text form (base64 or hex); {@code where} names it in error messages.
     *
     * @param text 44 characters of standard base64 or 64 hex digits; surrounding white space is ignored
     * @param where names the key in error messages, which never quote the key itself
     * @return the key
     * @throws IllegalArgumentException if the text is neither, or does not decode to 32 bytes
     */
    public static ClusterKey decodeKey(String text, String where) {
        byte[] material = decodeBytes(text.strip(), where);
        try {
            if (material.length != ClusterKey.KEY_BYTES) {
                throw new IllegalArgumentException(where + ": the key decodes to " + material.length
                        + " bytes; a cluster key must be exactly " + ClusterKey.KEY_BYTES
                        + " bytes (AES-256), e.g. the output of `openssl rand -base64 32`");
            }
            return ClusterKey.of(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static Keyring build(List<String> keys, List<String> where, String source) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no key");
        }
        Keyring ring = Keyring.of(decodeKey(keys.get(0), where.get(0)));
        for (int i = 1; i < keys.size(); i++) {
            ring = ring.withInstalled(decodeKey(keys.get(i), where.get(i)));
        }
        return ring;
    }

    private static byte[] decodeBytes(String text, String where) {
        if (text.length() == 2 * ClusterKey.KEY_BYTES && text.chars().allMatch(ClusterKeys::isHexDigit)) {
            byte[] out = new byte[ClusterKey.KEY_BYTES];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(text, 2 * i, 2 * i + 2, 16);
            }
            return out;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // the decoder's message may quote a character of the key: do not pass it on
            throw new IllegalArgumentException(where + ": the key is neither standard base64 nor 64 hex digits");
        }
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void warnIfShared(Path file) {
        String warning = permissionWarning(file);
        if (warning != null) {
            LOG.log(System.Logger.Level.WARNING, warning);
        }
    }

    /**
     * What is wrong with who may use {@code file}, or null if nothing is (or it cannot be told: not
     * a POSIX file system). Writable by others is as bad as readable: whoever can write the file can
     * put in a key of their own, which the node then seals with and accepts.
     */
    static String permissionWarning(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return null; // not a POSIX file system, or unreadable: reading it will say so
        }
        boolean readable = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ);
        boolean writable = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (!readable && !writable) {
            return null;
        }
        return "key file " + file + " is " + (readable && writable ? "readable and writable"
                : readable ? "readable" : "writable") + " by other users; chmod 600 it";
    }
}
