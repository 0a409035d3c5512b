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
    /**
     * Copies the counters, so that the snapshot does not change with the layer it was taken from.
     *
     * @param sessions sessions held, {@code >= 0}
     * @param established sessions established, at most {@code sessions}
     * @param countersByOrdinal counter values by {@link DtlsCounter} ordinal, not null; copied
     * @throws NullPointerException if {@code countersByOrdinal} is null
     */
    public DtlsStats {
        countersByOrdinal = countersByOrdinal.clone();
    }

    /**
     * Every counter's value.
     *
     * @return a fresh copy, indexed by {@link DtlsCounter} ordinal, {@link DtlsCounter#count()} long
     */
    @Override
    public long[] countersByOrdinal() {
        return countersByOrdinal.clone();
    }

    /**
     * The value of {@code counter}.
     *
     * @param counter the counter, not null
     * @return its value in this snapshot, {@code >= 0}
     */
    public long get(DtlsCounter counter) {
        return countersByOrdinal[counter.ordinal()];
    }

    /**
     * Every counter, for printing.
     *
     * @return a new mutable map with every counter, zero ones included, in ordinal order
     */
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
