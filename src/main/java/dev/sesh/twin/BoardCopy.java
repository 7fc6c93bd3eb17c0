package dev.sesh.twin;

import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What could be read from one board for its twin (issue 23): who it is ({@code twinOf} names the
 * port and id; the firmware's build strings; its MAC as 12 hex digits), its chip (variant, the
 * 128-byte config zone with its lock bytes, the OTP zone if it could be read, each slot's
 * contents where they could be read) and its filesystem, saved config levels included. Secrets
 * are absent by construction: a slot that cannot be read is empty here.
 */
public record BoardCopy(String twinOf, String app, String fwVersion, String fwId, String mgVersion, String mgId, String arch,
                        String macHex, Variant variant, Bytes config, Optional<Bytes> otp, List<Optional<Bytes>> slots,
                        Map<String, byte[]> files) {
    public BoardCopy {
        if (config.length() != 128) throw new IllegalArgumentException("config zone is 128 bytes");
        if (slots.size() != 16) throw new IllegalArgumentException("16 slots");
        if (!macHex.matches("[0-9a-fA-F]{12}")) throw new IllegalArgumentException("a MAC is 12 hex digits: " + macHex);
        slots = List.copyOf(slots);
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    @Override public String toString() { return "BoardCopy[" + twinOf + ", " + variant + ", " + files.size() + " files]"; }
}
