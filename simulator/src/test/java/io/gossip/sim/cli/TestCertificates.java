package io.gossip.sim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throw-away PKCS12 files for {@code sim node --dtls-*} tests, made with the JDK's {@code keytool}
 * in a temporary directory (nothing private is committed): a certificate authority, a trust store
 * holding only its certificate, and node key stores with an EC P-256 key and the chain [node, CA].
 * Every file is protected by {@link #PASSWORD}.
 */
final class TestCertificates {
    static final String PASSWORD = "test-only-password";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path dir;
    private final Certificate caCertificate;

    private TestCertificates(Path dir, Certificate caCertificate) {
        this.dir = dir;
        this.caCertificate = caCertificate;
    }

    /** A new CA whose files live in {@code dir}. */
    static TestCertificates create(Path dir) throws IOException, GeneralSecurityException {
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test-ca",
                "-ext", "bc:c", "-validity", "2", "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new TestCertificates(dir, load(dir.resolve("ca.p12")).getCertificate("ca"));
    }

    /** Writes a trust store holding only this CA's certificate and returns its path. */
    Path trustStore() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCertificate);
        return save(trust, dir.resolve("trust.p12"));
    }

    /** Writes the key store of a new node {@code name}, its certificate signed by this CA, and returns its path. */
    Path nodeKeyStore(String name) throws IOException, GeneralSecurityException {
        String store = name + "-own.p12";
        keytool(dir, "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", store, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool(dir, "-certreq", "-alias", "node", "-keystore", store, "-storepass", PASSWORD, "-file", name + ".csr");
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile",
                name + ".csr", "-outfile", name + ".crt", "-rfc", "-validity", "2", "-ext", "ku:c=digitalSignature",
                "-ext", "eku=serverAuth,clientAuth");
        Key key = load(dir.resolve(store)).getKey("node", PASSWORD.toCharArray());
        Certificate certificate;
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".crt"))) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore out = KeyStore.getInstance("PKCS12");
        out.load(null, null);
        out.setKeyEntry("node", key, PASSWORD.toCharArray(), new Certificate[] {certificate, caCertificate});
        return save(out, dir.resolve(name + ".p12"));
    }

    private static Path save(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1"); // a short-lived JVM: skip the optimizing compiler
        command.add("-J-XX:+UseSerialGC");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
