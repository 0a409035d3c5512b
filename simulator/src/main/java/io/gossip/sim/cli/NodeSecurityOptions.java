package io.gossip.sim.cli;

import io.gossip.udp.GossipNodeBuilder;
import io.gossip.udp.dtls.DtlsConfig;
import io.gossip.udp.security.ClusterKeys;
import io.gossip.udp.security.Keyring;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How {@code sim node} protects its traffic: a shared cluster key (AES-256-GCM), DTLS with
 * certificates, or plaintext only when {@code --insecure} says so. Keys and passwords come from
 * files or environment variables, never from the command line, and are never printed.
 */
final class NodeSecurityOptions {
    /** Where the DTLS key store's password is read from when no --dtls-password-file is given. */
    static final String KEYSTORE_PASSWORD_VARIABLE = "GOSSIP_KEYSTORE_PASSWORD";
    /** The DTLS trust store's password, if it differs from the key store's. */
    static final String TRUSTSTORE_PASSWORD_VARIABLE = "GOSSIP_TRUSTSTORE_PASSWORD";

    @Option(names = "--key-file", paramLabel = "FILE", description = "The cluster's keys, one per line "
            + "(base64 or 64 hex digits; the first seals, all open). Default: the environment variable "
            + ClusterKeys.DEFAULT_ENVIRONMENT_VARIABLE + ".")
    Path keyFile;

    @Option(names = "--cluster-label", paramLabel = "TEXT",
            description = "A label authenticated with every datagram: nodes with other labels are refused "
                    + "even under the same key.")
    String clusterLabel;

    @Option(names = "--insecure", description = "Run in plaintext, on purpose: anyone who can reach the port "
            + "can join, broadcast and forge membership messages.")
    boolean insecure;

    @Option(names = "--dtls-keystore", paramLabel = "FILE", description = "Run DTLS 1.2 with certificates "
            + "instead of a shared key: this node's PKCS12 key store (its private key and certificate chain).")
    Path dtlsKeyStore;

    @Option(names = "--dtls-truststore", paramLabel = "FILE", description = "With DTLS: the PKCS12 trust store "
            + "holding the certificate authorities whose node certificates are accepted.")
    Path dtlsTrustStore;

    @Option(names = "--dtls-password-file", paramLabel = "FILE", description = "With DTLS: a file whose first "
            + "line is the key store's password. Default: the environment variable " + KEYSTORE_PASSWORD_VARIABLE
            + ".")
    Path dtlsPasswordFile;

    /**
     * The protection {@link #apply} chose, as the start of a sentence about what fits a datagram
     * ("with a cluster key (AES-256-GCM), ..."). Call after a successful {@code apply}.
     */
    String protectionName() {
        if (dtlsKeyStore != null || dtlsTrustStore != null || dtlsPasswordFile != null) {
            return "with DTLS,";
        }
        return insecure ? "in plaintext," : "with a cluster key (AES-256-GCM sealing),";
    }

    /**
     * Configures {@code builder} for the chosen mode and prints it as a status line; false (after
     * explaining on {@code err}) when the choice is missing, contradictory or unusable.
     */
    boolean apply(GossipNodeBuilder builder, Map<String, String> environment, PrintWriter err) {
        boolean dtls = dtlsKeyStore != null || dtlsTrustStore != null || dtlsPasswordFile != null;
        return dtls ? dtls(builder, environment, err) : sharedKey(builder, environment, err);
    }

    /**
     * Seals with the configured keyring, or runs in plaintext when --insecure says so; false (after
     * explaining on {@code err}) when the choice is missing, contradictory or the keys are unusable.
     */
    private boolean sharedKey(GossipNodeBuilder builder, Map<String, String> environment, PrintWriter err) {
        Optional<Keyring> keys;
        try {
            keys = ClusterKeys.configured(keyFile, environment);
        } catch (IOException e) {
            return refuse(err, "cannot read the key file " + keyFile + ": " + why(e));
        } catch (IllegalArgumentException e) {
            return refuse(err, e.getMessage());
        }
        if (keys.isPresent() && insecure) {
            return refuse(err, "--insecure contradicts the key from "
                    + (keyFile != null ? "--key-file" : ClusterKeys.DEFAULT_ENVIRONMENT_VARIABLE));
        }
        if (keys.isEmpty() && !insecure) {
            return refuse(err, "no cluster key: give --key-file FILE or set " + ClusterKeys.DEFAULT_ENVIRONMENT_VARIABLE
                    + ", or say --insecure to run in plaintext (see docs/security.md)");
        }
        if (clusterLabel != null && keys.isEmpty()) {
            return refuse(err, "--cluster-label needs a cluster key (it is authenticated, not sent)");
        }
        if (keys.isPresent()) {
            builder.keyring(keys.get());
            status(err, "sealing with AES-256-GCM, primary key " + keys.get().primary().idHex() + " ("
                    + keys.get().keys().size() + " installed)");
            if (clusterLabel != null) {
                try {
                    builder.clusterLabel(clusterLabel);
                } catch (IllegalArgumentException e) {
                    return refuse(err, "--cluster-label: " + e.getMessage());
                }
            }
        } else {
            builder.insecure();
            status(err, "PLAINTEXT (--insecure): anyone who can reach this port can join and forge messages");
        }
        return true;
    }

    /**
     * Runs DTLS with the given key and trust stores; false (after explaining on {@code err}) when a
     * shared-key or plaintext option contradicts it, a store or the password is missing, a store
     * cannot be read or the password is wrong. Passwords are never printed.
     */
    private boolean dtls(GossipNodeBuilder builder, Map<String, String> environment, PrintWriter err) {
        if (keyFile != null || insecure || clusterLabel != null
                || environment.get(ClusterKeys.DEFAULT_ENVIRONMENT_VARIABLE) != null) {
            String other = keyFile != null ? "--key-file" : insecure ? "--insecure" : clusterLabel != null
                    ? "--cluster-label" : "the environment variable " + ClusterKeys.DEFAULT_ENVIRONMENT_VARIABLE;
            return refuse(err, other + " contradicts DTLS (--dtls-keystore): choose the shared key or DTLS "
                    + "(see docs/dtls.md)");
        }
        if (dtlsKeyStore == null || dtlsTrustStore == null) {
            return refuse(err, "DTLS needs both --dtls-keystore FILE and --dtls-truststore FILE");
        }
        char[] password;
        if (dtlsPasswordFile != null) {
            try {
                password = firstLine(dtlsPasswordFile);
            } catch (IOException e) {
                return refuse(err, "cannot read the password file " + dtlsPasswordFile + ": " + why(e));
            }
        } else if (environment.get(KEYSTORE_PASSWORD_VARIABLE) != null) {
            password = environment.get(KEYSTORE_PASSWORD_VARIABLE).toCharArray();
        } else {
            return refuse(err, "no key store password: give --dtls-password-file FILE or set "
                    + KEYSTORE_PASSWORD_VARIABLE + " (never on the command line)");
        }
        if (password.length == 0) {
            return refuse(err, "the key store password is empty (" + (dtlsPasswordFile != null
                    ? "--dtls-password-file " + dtlsPasswordFile : KEYSTORE_PASSWORD_VARIABLE) + ")");
        }
        String trustVariable = environment.get(TRUSTSTORE_PASSWORD_VARIABLE);
        char[] trustPassword = trustVariable != null ? trustVariable.toCharArray() : password;
        try {
            KeyStore keys = load("key store", dtlsKeyStore, password);
            KeyStore trust = load("trust store", dtlsTrustStore, trustPassword);
            DtlsConfig config;
            try {
                config = DtlsConfig.of(keys, password, trust);
            } catch (IllegalArgumentException e) {
                // The library's words name no file ("the DTLS key store holds no private key entry").
                return refuse(err, e.getMessage() + " (--dtls-keystore " + dtlsKeyStore + ", --dtls-truststore "
                        + dtlsTrustStore + ")");
            }
            builder.dtls(config);
            status(err, "DTLS 1.2 with certificates: this node is " + subject(keys) + ", trusting "
                    + trust.size() + " certificate(s) from " + dtlsTrustStore);
            return true;
        } catch (IllegalArgumentException e) {
            return refuse(err, e.getMessage());
        } catch (GeneralSecurityException e) {
            return refuse(err, "cannot use the DTLS trust store " + dtlsTrustStore + ": " + e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * A PKCS12 store read from {@code file}.
     *
     * @throws IllegalArgumentException saying which store, when it is missing, unreadable, not a
     *     PKCS12 store, or the password does not open it
     */
    private static KeyStore load(String what, Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalArgumentException("wrong password for the DTLS " + what + " " + file
                        + " (or the file is damaged)" + (what.equals("trust store") ? "; a trust store with a "
                        + "password of its own takes it from " + TRUSTSTORE_PASSWORD_VARIABLE : ""));
            }
            // Past a missing or forbidden file, the JDK's words ("toDerInputStream rejects tag type 45")
            // mean only that the bytes are not a PKCS12 store: a PEM or key file, most often.
            String why = e instanceof NoSuchFileException || e instanceof AccessDeniedException ? why(e)
                    : "it is not a PKCS12 (.p12) store; a PEM certificate or key must first be put into one "
                            + "(make the stores with keytool as docs/dtls.md shows)";
            throw new IllegalArgumentException("cannot read the DTLS " + what + " " + file + ": " + why);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the DTLS " + what + " " + file + ": " + e.getMessage());
        }
    }

    /** The subject of the first key entry's certificate, for the status line. */
    private static String subject(KeyStore keys) {
        try {
            for (String alias : java.util.Collections.list(keys.aliases())) {
                if (keys.isKeyEntry(alias) && keys.getCertificate(alias) instanceof X509Certificate c) {
                    return c.getSubjectX500Principal().getName();
                }
            }
        } catch (GeneralSecurityException e) {
            // only the status line suffers; DtlsConfig.of has checked the store
        }
        return "(no certificate name)";
    }

    /** The first line of {@code file}, without a UTF-8 byte-order mark an editor may have put first. */
    private static char[] firstLine(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                BufferedReader lines = new BufferedReader(reader)) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            return line == null ? new char[0] : line.toCharArray();
        }
    }

    /**
     * Why a file could not be read, in words: the JDK's messages for the common cases are only the
     * file's name, or carry the exception's class name.
     */
    static String why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not a text file in UTF-8";
        }
        return e.getMessage() != null ? e.getMessage() : "read error";
    }

    private static boolean refuse(PrintWriter err, String why) {
        status(err, "sim node: " + why);
        return false;
    }

    private static void status(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }
}
