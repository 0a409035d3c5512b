package io.gossip.sim.cli;

import io.gossip.protocol.ProtocolConfig;
import io.gossip.udp.GossipNode;
import io.gossip.udp.GossipNodeBuilder;
import io.gossip.udp.MessageId;
import io.gossip.udp.PeerAddress;
import io.gossip.udp.security.ClusterKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sim node}: one interactive live gossip node. Every line read from standard input is
 * broadcast; every message delivered is printed with its origin and hop count. End of input or
 * Ctrl-C (a shutdown hook) leaves the group gracefully and closes the node.
 */
@Command(name = "node", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run one interactive live gossip node over UDP.",
            "Each line typed on stdin is broadcast to the group; each delivered message",
            "is printed as 'from ORIGIN#SEQ hops N: TEXT'. End of input (Ctrl-D) or",
            "Ctrl-C leaves the group gracefully, waits for the goodbyes to be",
            "acknowledged (--leave-timeout-millis) and closes the node. Without --join",
            "the node starts a new group. Status lines go to stderr.",
            "",
            "Traffic is sealed with AES-256-GCM under the cluster's keys, read from",
            "--key-file or else from the environment variable GOSSIP_CLUSTER_KEY (never",
            "from the command line). Without a key the node refuses to start unless",
            "--insecure says plaintext is wanted (see docs/security.md).",
            "",
            "Instead, --dtls-keystore and --dtls-truststore run DTLS 1.2 with mutual",
            "certificate authentication (see docs/dtls.md). The key store's password comes",
            "from --dtls-password-file or else from the environment variable",
            "GOSSIP_KEYSTORE_PASSWORD (never from the command line); the trust store's",
            "from GOSSIP_TRUSTSTORE_PASSWORD, or else the same password."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the node left and closed", "1:the socket could not be opened or the join failed",
            "2:wrong command line, or unusable keys, key stores or passwords"},
        footerHeading = "%nExample (two terminals):%n",
        footer = {"  sim node --bind 127.0.0.1:7000 --key-file cluster.key",
            "  sim node --bind 127.0.0.1:7001 --join 127.0.0.1:7000 --key-file cluster.key",
            "DTLS (each node its own key store, all the same trust store):",
            "  sim node --bind 127.0.0.1:7000 --dtls-keystore node0.p12 \\",
            "           --dtls-truststore trust.p12 --dtls-password-file node0.password"})
final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--bind", required = true, paramLabel = "HOST:PORT",
            description = "Address to listen on (numeric IPv4, [IPv6], or a host name, resolved once at start); "
                    + "port 0 picks a free port.")
    String bind;

    @Option(names = "--advertise", paramLabel = "HOST[:PORT]",
            description = "The address other nodes reach this one at; required when --bind is a wildcard "
                    + "address (0.0.0.0 or [::]). Without a port, or with port 0, the node is advertised at the "
                    + "port it binds (so --bind may pick a free port); a port other than 0 needs a fixed --bind "
                    + "port. Default: the --bind address.")
    String advertise;

    @Option(names = "--join", paramLabel = "HOST:PORT", description = "A member to join through.")
    String join;

    @Option(names = "--c", paramLabel = "N", description = "SCAMP's c: extra copies of each subscription "
            + "(default ${DEFAULT-VALUE}).")
    int c = ProtocolConfig.defaults().c();

    @Option(names = "--heartbeat-period-millis", paramLabel = "MS",
            description = "Heartbeat period; 0 = none (default ${DEFAULT-VALUE}). A node that hears nothing for "
                    + "ten periods re-subscribes.")
    long heartbeatPeriodMillis = ProtocolConfig.defaults().heartbeatPeriodMillis();

    @Option(names = "--lease-duration-millis", paramLabel = "MS",
            description = "Subscription lifetime; 0 = never expires (default ${DEFAULT-VALUE}).")
    long leaseDurationMillis = ProtocolConfig.defaults().leaseDurationMillis();

    @Option(names = "--no-indirection", description = "Join through the contact directly, without a random walk.")
    boolean noIndirection;

    @Option(names = "--max-payload-bytes", paramLabel = "N",
            description = "Longest line (in UTF-8 bytes) that can be broadcast (default ${DEFAULT-VALUE}). "
                    + "At most 1349 in plaintext; lower with encryption: 1292 with a cluster key, 1312 with DTLS.")
    int maxPayloadBytes = ProtocolConfig.defaults().maxPayloadBytes();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the node's random choices "
            + "(default: drawn at random and printed).")
    Long seed;

    @Option(names = "--retransmit-timeout-millis", paramLabel = "MS",
            description = "Wait for the acknowledgement of a membership message before sending it again; "
                    + "doubles at each of the 6 attempts, so a join with no answer fails "
                    + "after 63 times this (default ${DEFAULT-VALUE}: 15.75 s).")
    long retransmitTimeoutMillis = ProtocolConfig.defaults().retransmitTimeoutMillis();

    @Option(names = "--receive-buffer-bytes", paramLabel = "N",
            description = "Size to ask of the socket's receive buffer, where the kernel keeps datagrams while the "
                    + "node is busy; beyond it, it drops them (default: the system's, 104 KB on most Linux systems, "
                    + "which grant at most net.core.rmem_max, 208 KB unless raised). The size granted is printed.")
    Integer receiveBufferBytes;

    @Option(names = "--leave-timeout-millis", paramLabel = "MS",
            description = "How long leaving waits for acknowledgements (default ${DEFAULT-VALUE}).")
    long leaveTimeoutMillis = 2000;

    @Mixin
    NodeSecurityOptions security;

    private final InputStream stdin;
    private final boolean installShutdownHook;
    private final Map<String, String> environment;
    /** The --bind address as parsed (port 1 for 0): which addresses the socket can send to. */
    private PeerAddress bound;

    /**
     * @param stdin the lines to broadcast
     * @param installShutdownHook whether Ctrl-C (JVM shutdown) leaves gracefully: true for the real
     *     command, false in tests that run several nodes in one JVM
     */
    NodeCommand(InputStream stdin, boolean installShutdownHook) {
        this(stdin, installShutdownHook, System.getenv());
    }

    /**
     * @param environment where {@value ClusterKeys#DEFAULT_ENVIRONMENT_VARIABLE} is looked up (tests
     *     pass their own)
     */
    NodeCommand(InputStream stdin, boolean installShutdownHook, Map<String, String> environment) {
        this.stdin = stdin;
        this.installShutdownHook = installShutdownHook;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GossipNodeBuilder builder = GossipNode.builder();
        PeerAddress self = bindTo(builder, bind);
        try {
            builder.protocol(protocol());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), optionNames(e.getMessage()));
        }
        if (receiveBufferBytes != null) {
            try {
                builder.receiveBufferBytes(receiveBufferBytes);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage()
                        .replace("receiveBufferBytes", "receive-buffer-bytes"));
            }
        }
        if (leaveTimeoutMillis < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--leave-timeout-millis must be >= 0");
        }
        PeerAddress contact = join == null ? null : parse("--join", join, bound);
        if (contact != null && contact.equals(self)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--join " + join
                    + " is this node's own address: give the address of another member");
        }
        if (contact != null && !bound.canSendTo(contact)) {
            // Every datagram to it would fail to send: the join would wait out its whole schedule.
            String named = join.equals(contact.toString()) ? join : join + " (" + contact + ")";
            throw new CommandLine.ParameterException(spec.commandLine(), "--join " + named + " is "
                    + (contact.isIpv6() ? "an IPv6 address, which a socket bound to IPv4 (--bind " + bind
                    + ") cannot send to: bind to an IPv6 address" : "an IPv4 address, which a socket bound to a "
                    + "specific IPv6 address (--bind " + bind + ") cannot send to: bind to an IPv4 address")
                    + ", or to [::] with --advertise, which reaches both");
        }
        if (maxPayloadBytes < 1) {
            // The protocol takes 0 (a node that relays only); a node whose lines are what it sends does not.
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-payload-bytes must be at least 1 "
                    + "(each line typed is one broadcast), got " + maxPayloadBytes);
        }
        if (!security.apply(builder, environment, err)) {
            return ExitCodes.BAD_INPUT;
        }
        if (maxPayloadBytes > builder.largestPayloadBytes()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-payload-bytes " + maxPayloadBytes
                    + " is too large: " + security.protectionName() + " a line of at most "
                    + builder.largestPayloadBytes() + " bytes fits in one datagram");
        }
        long nodeSeed = seed != null ? seed : new SecureRandom().nextLong();
        GossipNode node;
        try {
            node = builder.seed(nodeSeed).onDeliver((id, hops, payload) -> printDelivery(out, id, hops, payload))
                    .start();
        } catch (IOException e) {
            err.println("sim node: cannot open a socket on " + bind + ": " + e.getMessage());
            err.flush();
            return ExitCodes.RUNTIME_FAILURE;
        } catch (IllegalArgumentException e) {
            // a combination of options the checks above let through: still the command line's fault
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        NodeSession session = new NodeSession(node, leaveTimeoutMillis, err);
        Thread hook = installShutdownHook ? new Thread(session::stop, "sim-node-leave") : null;
        try {
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
            print(err, "listening on " + node.address() + " (seed " + nodeSeed + ", receive buffer "
                    + node.receiveBufferBytes() + " bytes)");
            if (contact == null) {
                node.bootstrap();
                print(err, "started a new group; others join with --join " + node.address());
            } else {
                print(err, "joining through " + contact);
                if (!awaitJoin(node, contact, session, err)) {
                    removeHook(hook);
                    return ExitCodes.RUNTIME_FAILURE;
                }
            }
            broadcastLines(node, out, err);
        } catch (IOException | RuntimeException e) {
            err.println("sim node: failed: " + e.getMessage());
            err.flush();
            session.stop();
            return ExitCodes.RUNTIME_FAILURE;
        }
        session.stop();
        removeHook(hook);
        return ExitCodes.OK;
    }

    private static void removeHook(Thread hook) {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down; the hook finds the session stopped
            }
        }
    }

    /** After how long a joined node that no member holds yet says so. */
    static final long REACHABLE_WARNING_SECONDS = 15;

    /**
     * Waits for the join's outcome (lines typed meanwhile wait in stdin): true once the contact
     * acknowledged it; false after saying why it failed and closing the node, without a leave
     * (nobody holds it). Then says, without waiting, when the node becomes reachable: the contact
     * acknowledges before any member keeps the subscription, and others' broadcasts sent before
     * then miss this node for good ({@link GossipNode#reachable()}).
     */
    private static boolean awaitJoin(GossipNode node, PeerAddress contact, NodeSession session, PrintWriter err) {
        try {
            node.join(contact).get();
            print(err, "joined through " + contact);
            node.reachable().orTimeout(REACHABLE_WARNING_SECONDS, TimeUnit.SECONDS).whenComplete((ok, failure) -> {
                if (failure == null) {
                    print(err, "reachable: a member holds this node in its PartialView");
                } else if (failure instanceof TimeoutException) {
                    print(err, "not reachable yet: no member holds this node after " + REACHABLE_WARNING_SECONDS
                            + " s; broadcasts from others do not reach it until one does");
                }
            });
            return true;
        } catch (ExecutionException e) {
            if (session.isStopped()) {
                return false; // Ctrl-C made the node leave, which ended the join: the session says so
            }
            node.close();
            print(err, "sim node: " + e.getCause().getMessage());
            session.stop();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.stop();
            return false;
        }
    }

    private void broadcastLines(GossipNode node, PrintWriter out, PrintWriter err) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            byte[] payload = line.getBytes(StandardCharsets.UTF_8);
            if (payload.length > node.maxPayloadBytes()) {
                print(err, "not sent: " + payload.length + " bytes, the limit is " + node.maxPayloadBytes()
                        + " (--max-payload-bytes)");
                continue;
            }
            MessageId id = node.broadcast(payload);
            print(out, "sent " + id);
        }
    }

    /** Heartbeat periods of silence after which a node re-subscribes. */
    private static final long ISOLATION_PERIODS = 10;

    /** This command's options by the {@code ProtocolConfig} field each sets. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.of("c", "--c",
            "heartbeatPeriodMillis", "--heartbeat-period-millis", "leaseDurationMillis", "--lease-duration-millis",
            "maxPayloadBytes", "--max-payload-bytes", "retransmitTimeoutMillis", "--retransmit-timeout-millis");

    /**
     * {@code ProtocolConfig}'s message with the fields this command sets named as its options
     * ("heartbeatPeriodMillis must be ..." as "--heartbeat-period-millis must be ...").
     */
    static String optionNames(String message) {
        String named = message;
        for (Map.Entry<String, String> e : OPTION_OF_FIELD.entrySet()) {
            named = named.replaceAll("\\b" + e.getKey() + "\\b", e.getValue());
        }
        return named;
    }

    private ProtocolConfig protocol() {
        ProtocolConfig.Builder b = ProtocolConfig.defaults().toBuilder().c(c).leaseDurationMillis(leaseDurationMillis)
                .indirection(!noIndirection).maxPayloadBytes(maxPayloadBytes)
                .retransmitTimeoutMillis(retransmitTimeoutMillis);
        if (heartbeatPeriodMillis == 0) {
            b.noHeartbeats();
        } else {
            // Isolation after ten periods, the defaults' ratio (1 s, 10 s): a fixed 10 s refused any
            // period from 10 s on. Periods too long for ten of them to be a valid timeout get none.
            long isolation = heartbeatPeriodMillis > 0 && heartbeatPeriodMillis <= ProtocolConfig.MAX_TIME_MILLIS / 10
                    ? ISOLATION_PERIODS * heartbeatPeriodMillis : 0;
            b.heartbeatPeriodMillis(heartbeatPeriodMillis).isolationTimeoutMillis(isolation);
        }
        return b.build();
    }

    /**
     * HOST:PORT, or HOST:0 for a port the operating system picks; and --advertise, which a
     * wildcard HOST needs. Returns the address the node will be known by, as far as it is known
     * before the socket opens (null for an ephemeral port).
     */
    private PeerAddress bindTo(GossipNodeBuilder builder, String text) {
        boolean ephemeral = text.endsWith(":0");
        // Port 1 stands for 0 in the parse, which takes ports 1-65535 only; the text keeps the 0.
        bound = parse("--bind", ephemeral ? text.substring(0, text.length() - 1) + "1" : text, null);
        if (ephemeral) {
            builder.bindEphemeral(bound.ip());
        } else {
            builder.bind(bound);
        }
        if (advertise == null) {
            if (bound.isWildcard()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--bind " + text + " listens on every "
                        + "interface, and other nodes cannot reach a wildcard address: give --advertise HOST (with "
                        + "the port bound) or HOST:PORT, the address they reach this node at");
            }
            return ephemeral ? null : bound;
        }
        // HOST, [IPv6] or HOST:0: the port bound. A bare IPv6 literal has no brackets and reads as HOST:PORT.
        boolean portBound = advertise.indexOf(':') < 0 || advertise.endsWith("]") || advertise.endsWith(":0");
        String host = advertise.endsWith(":0") ? advertise.substring(0, advertise.length() - 2) : advertise;
        PeerAddress advertised = portBound ? parseHost("--advertise", host, advertise, bound)
                : parse("--advertise", advertise, bound);
        if (advertised.isWildcard()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--advertise " + advertise
                    + " is a wildcard address, which other nodes cannot reach: give the address they reach this "
                    + "node at");
        }
        if (portBound) {
            requireReceivable(advertised, text);
            builder.advertise(advertised.ip());
            return ephemeral ? null : PeerAddress.of(advertised.ip(), bound.port());
        }
        if (ephemeral) {
            String named = advertise.substring(0, advertise.lastIndexOf(':'));
            throw new CommandLine.ParameterException(spec.commandLine(), "--advertise " + advertise + " names a "
                    + "port, which needs a fixed --bind port: with --bind " + text + " the system picks one; give "
                    + "--advertise " + named + " (or " + named + ":0) to advertise the port bound");
        }
        builder.advertise(advertised);
        return advertised;
    }

    /**
     * An advertised IP taking the bound port must be of a family the socket receives: a socket
     * receives from the addresses it can send to.
     */
    private void requireReceivable(PeerAddress advertised, String bindText) {
        if (!bound.canSendTo(advertised)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--advertise " + advertise + " is "
                    + (advertised.isIpv6() ? "an IPv6 address, which a socket bound to IPv4 (--bind " + bindText
                    + ") cannot receive: bind to an IPv6 address" : "an IPv4 address, which a socket bound to a "
                    + "specific IPv6 address (--bind " + bindText + ") cannot receive: bind to an IPv4 address")
                    + ", or to [::], which receives both");
        }
    }

    /**
     * HOST without a port (numeric IPv4, [IPv6] or a name), as {@link #parse} reads it, with port 1
     * standing for the one not given; errors quote {@code text}, as it was typed.
     */
    private PeerAddress parseHost(String option, String host, String text, PeerAddress from) {
        try {
            return parse(option, host + ":1", from);
        } catch (CommandLine.ParameterException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    e.getMessage().replace("\"" + host + ":1\"", "\"" + text + "\""));
        }
    }

    /**
     * HOST:PORT as given to {@code option}: numeric, as {@link PeerAddress#parse} reads it, or a host
     * name (localhost, a name in /etc/hosts or DNS), resolved once, here. Of a name's addresses, the
     * first a socket bound to {@code from} can send to; for --bind ({@code from} null), the first
     * IPv4 one, as most names that have both are reached over IPv4 too.
     */
    private PeerAddress parse(String option, String text, PeerAddress from) {
        int colon = text.lastIndexOf(':');
        String host = colon > 0 ? text.substring(0, colon) : "";
        if (host.matches("[A-Za-z0-9.-]*[A-Za-z][A-Za-z0-9.-]*")) {
            return resolve(option, text, host, text.substring(colon + 1), from);
        }
        try {
            return PeerAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    private PeerAddress resolve(String option, String text, String host, String portText, PeerAddress from) {
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)
                || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": bad port in \"" + text
                    + "\" (1-65535" + (option.equals("--bind") ? ", or 0 for a free one)" : ")"));
        }
        InetAddress[] candidates;
        try {
            candidates = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": the host name " + host
                    + " does not resolve to an address");
        }
        List<PeerAddress> addresses = new ArrayList<>();
        for (InetAddress candidate : candidates) {
            try {
                // Rebuilt from its bytes: an IPv6 scope (fe80::1%eth0) has no place on the wire.
                addresses.add(PeerAddress.of(InetAddress.getByAddress(candidate.getAddress()),
                        Integer.parseInt(portText)));
            } catch (UnknownHostException e) {
                throw new AssertionError("4 or 16 bytes from a resolved address", e);
            }
        }
        for (PeerAddress a : addresses) {
            if (from == null ? !a.isIpv6() : from.canSendTo(a)) {
                return a;
            }
        }
        return addresses.get(0);
    }

    /** One delivered message; control characters from the network are shown as '?'. */
    private static void printDelivery(PrintWriter out, MessageId id, int hops, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> safe.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        print(out, "from " + id + " hops " + hops + ": " + safe);
    }

    private static void print(PrintWriter w, String line) {
        synchronized (w) {
            w.println(line);
            w.flush();
        }
    }
}
