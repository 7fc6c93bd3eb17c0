package dev.sesh.sim.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The chip slots mbedTLS may use for ephemeral ECDHE keys, from {@code sys.atca.ecdh_slots_mask}
 * (bit n = slot n; reference/atecc.md 9.1). One handshake holds one slot from its GenKey to its
 * ECDH; a handshake that finds every slot taken waits for one.
 */
final class EcdhSlots {
    private final List<Integer> free = new ArrayList<>();
    private final int count;

    EcdhSlots(long mask) {
        for (int s = 0; s < 16; s++) if ((mask >> s & 1) != 0) free.add(s);
        count = free.size();
    }

    /** True if the mask names no slot at all (ECDHE cannot be done in the chip then). */
    boolean isEmpty() { return count == 0; }

    /** The lowest free slot, waiting while all are in use. */
    synchronized int take() throws InterruptedException {
        while (free.isEmpty()) wait();
        return free.remove(0);
    }

    synchronized void give(int slot) {
        int i = 0;
        while (i < free.size() && free.get(i) < slot) i++;
        free.add(i, slot);
        notifyAll();
    }
}
