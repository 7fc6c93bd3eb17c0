package dev.sesh.atca;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;

import java.util.Optional;

/**
 * What {@code atca raw} shows: the command sent and the chip's answer decoded.
 *
 * @param sent    the command header as sent: count, opcode, param1, param2 (hex; the data bytes are not shown)
 * @param answer  the answer's payload (status byte or data), hex
 * @param status  the status byte for a status answer (-1 for a data answer)
 * @param meaning "success", "execution error: ...", or "N data bytes"
 */
public record RawResult(String sent, String answer, int status, String meaning) {
    static RawResult of(CommandPacket command, ResponsePacket r) {
        if (!r.isStatus()) return new RawResult(header(command), r.payload().hex(), -1, r.payload().length() + " data bytes");
        int s = r.payload().get(0);
        Optional<StatusCode> code = StatusCode.of(s);
        return new RawResult(header(command), r.payload().hex(), s, code.map(StatusCode::meaning).orElse("unknown status"));
    }

    private static String header(CommandPacket c) { return c.encode().slice(0, 5).hex() + (c.data().length() > 0 ? " +" + c.data().length() + " data bytes" : ""); }

    /** True for a data answer or status 0x00. */
    public boolean ok() { return status <= 0; }
}
