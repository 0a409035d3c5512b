package io.gossip.udp.dtls;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority for tests, made with the JDK's {@code keytool} in a temporary
 * directory: nothing private is committed, nothing outside the JDK is needed. Node key stores hold
 * an EC P-256 key and the chain [node certificate signed by this CA, CA certificate].
 */
public final class TestPki {
    public static final char[] PASSWORD = "test-only-password".toCharArray();
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final Path dir;
    private final String caName;
    private final Certificate caCertificate;

    private TestPki(Path dir, String caName, Certificate caCertificate) {
        this.dir = dir;
        this.caName = caName;
        this.caCertificate = caCertificate;
    }

    /** Creates a CA named {@code caName} whose files live in {@code dir}. */
    public static TestPki create(Path dir, String caName) throws IOException, GeneralSecurityException {
        Path caStore = dir.resolve(caName + ".p12");
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + caName, "-ext", "bc:c", "-validity", "2",
                "-keystore", caStore.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
        KeyStore ca = load(caStore);
        return new TestPki(dir, caName, ca.getCertificate("ca"));
    }

    /** A trust store holding only this CA's certificate. */
    public KeyStore trustStore() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", caCertificate);
        return trust;
    }

    /** A new node key and certificate signed by this CA, in an in-memory key store. */
    public KeyStore nodeKeyStore(String nodeName) throws IOException, GeneralSecurityException {
        String file = caName + "-" + nodeName;
        Path store = dir.resolve(file + ".p12");
        Path csr = dir.resolve(file + ".csr");
        Path crt = dir.resolve(file + ".crt");
        String pass = new String(PASSWORD);
        keytool(dir, "-genkeypair", "-alias", "node", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + nodeName, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", pass);
        keytool(dir, "-certreq", "-alias", "node", "-keystore", store.toString(), "-storepass", pass,
                "-file", csr.toString());
        keytool(dir, "-gencert", "-alias", "ca", "-keystore", dir.resolve(caName + ".p12").toString(),
                "-storepass", pass, "-infile", csr.toString(), "-outfile", crt.toString(), "-rfc",
                "-validity", "2", "-ext", "ku:c=digitalSignature", "-ext", "eku=serverAuth,clientAuth");
        Key key = load(store).getKey("node", PASSWORD);
        Certificate nodeCertificate;
        try (InputStream in = Files.newInputStream(crt)) {
            nodeCertificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore out = KeyStore.getInstance("PKCS12");
        out.load(null, null);
        out.setKeyEntry("node", key, PASSWORD, new Certificate[] {nodeCertificate, caCertificate});
        return out;
    }

    /** {@code count} node key stores named {@code prefix0..}, made two at a time. */
    public List<KeyStore> nodeKeyStores(String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<KeyStore>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                futures.add(pool.submit(() -> nodeKeyStore(name)));
            }
            List<KeyStore> stores = new ArrayList<>();
            for (Future<KeyStore> f : futures) {
                stores.add(f.get(2 * KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return stores;
        } finally {
            pool.shutdownNow();
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static void keytool(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-XX:TieredStopAtLevel=1"); // a short-lived JVM: skip the optimizing compiler
        command.add("-J-XX:+UseSerialGC");
        command.addAll(List.of(args));
        // Its output goes to a file, read once it has ended: reading the pipe first waited for the
        // end of the output, so a keytool that never ended was never timed out.
        Path output = Files.createTempFile(dir, "keytool", ".out");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool timed out after " + KEYTOOL_TIMEOUT_SECONDS + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool failed (" + process.exitValue() + "): " + command + "\n"
                        + new String(Files.readAllBytes(output), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
