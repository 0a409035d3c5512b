package io.gossip.protocol.message;

/** Liveness signal sent along every PartialView arc each heartbeat period. Carries nothing. */
public record Heartbeat() implements Message {
    /** The only instance needed: heartbeats carry no data. */
    public static final Heartbeat INSTANCE = new Heartbeat();

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
