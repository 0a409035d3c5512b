package io.gossip.bench.peersim;

import peersim.config.Configuration;
import peersim.core.CommonState;
import peersim.core.Control;
import peersim.core.Network;
import peersim.core.Node;

/**
 * Starts one broadcast each time it runs (one second apart in the generated configuration), at a
 * node drawn uniformly from PeerSim's shared generator, until the configured count is reached.
 */
public final class BroadcastControl implements Control {
    private static final String PAR_PROTOCOL = "protocol";

    private final int pid;
    private int started;

    public BroadcastControl(String prefix) {
        pid = Configuration.getPid(prefix + "." + PAR_PROTOCOL);
    }

    @Override
    public boolean execute() {
        if (started == FloodingProtocol.reached.length) {
            return false;
        }
        Node source = Network.get(CommonState.r.nextInt(Network.size()));
        ((FloodingProtocol) source.getProtocol(pid)).originate(source, pid, new Flood(started));
        started++;
        return false;
    }
}
