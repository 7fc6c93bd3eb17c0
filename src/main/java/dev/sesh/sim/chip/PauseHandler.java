package dev.sesh.sim.chip;

import dev.sesh.atca.command.Pause;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;

/** Pause (508A, reference/atecc.md 3.3): a selector other than config byte 85 sends the chip to idle. */
final class PauseHandler {
    private PauseHandler() {}

    static ResponsePacket run(Pause p, ChipContext c) {
        if (p.selector() != c.mem.configByte(ChipMemory.SELECTOR)) c.goIdle = true;
        return ResponsePacket.status(StatusCode.SUCCESS);
    }
}
