package io.gossip.sim.cli;

import io.gossip.udp.dtls.TestPki;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The transport's throw-away certificate authority ({@link TestPki}, made with the JDK's
 * {@code keytool}), written out as the PKCS12 files {@code sim node --dtls-*} reads. Every file is
 * protected by {@link #PASSWORD}.
 */
final class TestCertificates {
    static final String PASSWORD = new String(TestPki.PASSWORD);

    private final Path dir;
    private final TestPki ca;

    private TestCertificates(Path dir, TestPki ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** A new CA whose files live in {@code dir}. */
    static TestCertificates create(Path dir) throws IOException, GeneralSecurityException {
        return new TestCertificates(dir, TestPki.create(dir, "test-ca"));
    }

    /** Writes a trust store holding only this CA's certificate and returns its path. */
    Path trustStore() throws IOException, GeneralSecurityException {
        return save(ca.trustStore(), dir.resolve("trust.p12"));
    }

    /** Writes the key store of a new node {@code name}, its certificate signed by this CA, and returns its path. */
    Path nodeKeyStore(String name) throws IOException, GeneralSecurityException {
        return save(ca.nodeKeyStore(name), dir.resolve(name + ".p12"));
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, TestPki.PASSWORD);
        }
        return file;
    }
}
