package io.gossip.udp.dtls;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of one node's DTLS session layer, taken on its event loop.
 *
 * @param sessions sessions held now, pending or established
 * @param established sessions whose handshake has completed
 * @param countersByOrdinal one value per {@link DtlsCounter}, indexed by ordinal
 */
public record DtlsStats(int sessions, int established, long[] countersByOrdinal) {
    public DtlsStats {
        countersByOrdinal = countersByOrdinal.clone();
    }

    @Override
    public long[] countersByOrdinal() {
        return countersByOrdinal.clone();
    }

    /** The value of {@code counter}. */
    public long get(DtlsCounter counter) {
        return countersByOrdinal[counter.ordinal()];
    }

    /** Every counter, for printing. */
    public Map<DtlsCounter, Long> asMap() {
        Map<DtlsCounter, Long> map = new EnumMap<>(DtlsCounter.class);
        for (DtlsCounter c : DtlsCounter.values()) {
            map.put(c, countersByOrdinal[c.ordinal()]);
        }
        return map;
    }

    @Override
    public String toString() {
        return "DtlsStats[sessions=" + sessions + ", established=" + established + ", " + asMap() + "]";
    }
}
