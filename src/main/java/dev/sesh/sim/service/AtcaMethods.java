package dev.sesh.sim.service;

import dev.sesh.atca.driver.AtcaException;
import dev.sesh.atca.driver.ChipOps;
import dev.sesh.bytes.Bytes;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The ATCA.* handlers (reference/mos-rpc.md 4.6, atecc.md 9.2), byte-exact bodies and error
 * texts; {@code 0xS} is the cryptoauthlib status from {@link AtcaException#hostStatus()}. Each
 * runs the firmware's chip sequence through {@link ChipOps}.
 */
final class AtcaMethods {
    private final ChipOps ops;

    AtcaMethods(ChipOps ops) { this.ops = ops; }

    /** In registration order (RPC.List shows them reversed). */
    List<SimMethod> methods() {
        return List.of(
                new SimMethod("ATCA.GetConfig", "", (r, c) -> getConfig()),
                new SimMethod("ATCA.SetConfig", "{config: %V}", (r, c) -> setConfig(r.args())),
                new SimMethod("ATCA.LockZone", "{zone: %d}", (r, c) -> lockZone(r.args())),
                new SimMethod("ATCA.SetKey", "{slot: %d, block: %d, ecc: %B, key: %V, wkey: %V, wkslot: %u}", (r, c) -> setKey(r.args())),
                new SimMethod("ATCA.GenKey", "{slot: %d}", (r, c) -> genKey(r.args())),
                new SimMethod("ATCA.GetPubKey", "{slot: %d}", (r, c) -> getPubKey(r.args())),
                new SimMethod("ATCA.Sign", "{slot: %d, digest: %V}", (r, c) -> sign(r.args())),
                new SimMethod("ATCA.AES", "{slot: %d, block: %d, mode: %d, data: %V}", (r, c) -> aes(r.args())));
    }

    private SimReply getConfig() {
        ByteArrayOutputStream config = new ByteArrayOutputStream(128);
        for (int b = 0; b < 4; b++) {
            try {
                config.writeBytes(ops.readConfigBlock(b).toArray());
            } catch (AtcaException e) {
                return fail("Failed to read config zone block " + b, e);
            }
        }
        return SimReply.result("{\"config\": " + DeviceJsonOut.base64(config.toByteArray()) + "}");
    }

    private SimReply setConfig(DeviceArgs a) {
        byte[] config = a.base64("config").orElse(new byte[0]);
        if (config.length != 128) return SimReply.error(400, "Expected 128 bytes, got " + config.length);
        try {
            ops.writeConfig(Bytes.of(config));
        } catch (AtcaException e) {
            return fail("Failed to set config", e);
        }
        return SimReply.nullResult();
    }

    private SimReply lockZone(DeviceArgs a) {
        int zone = integer(a, "zone", -1);
        if (zone != 0 && zone != 1) return SimReply.error(403, "Invalid zone");
        try {
            ops.lockZone(zone);
        } catch (AtcaException e) {
            return fail("Failed to lock zone " + zone, e);
        }
        return SimReply.nullResult();
    }

    private SimReply setKey(DeviceArgs a) {
        int slot = integer(a, "slot", -1);
        if (slot < 0 || slot > 15) return SimReply.error(400, "Invalid slot");
        int block = integer(a, "block", 0);
        boolean ecc = a.bool("ecc").orElse(false);
        byte[] key = a.base64("key").orElse(new byte[0]);
        Optional<byte[]> wkey = a.base64("wkey");
        int wkslot = integer(a, "wkslot", 0);
        // The firmware prints the key's length here, not the write key's.
        if (wkey.isPresent() && wkey.get().length != 32) return SimReply.error(400, "Expected 32 bytes, got " + key.length);
        if (ecc && key.length > 32) return SimReply.error(400, "Expected 32 bytes, got " + key.length);
        try {
            if (ecc) {
                ops.privWrite(slot, first32(key), wkslot, wkey.map(Bytes::of));
            } else if (wkey.isPresent()) {
                ops.writeEncrypted(slot, block, first32(key), wkslot, Bytes.of(wkey.get()));
            } else {
                ops.writeClear(slot, block, Bytes.of(key));
            }
        } catch (AtcaException e) {
            return fail("Failed to set key", e);
        }
        return SimReply.nullResult();
    }

    private SimReply genKey(DeviceArgs a) {
        int slot = integer(a, "slot", -1);
        if (slot < 0 || slot > 15) return SimReply.error(400, "Invalid slot");
        try {
            return pubkey(ops.genKey(slot));
        } catch (AtcaException e) {
            return fail("Failed generate key on slot " + slot, e);
        }
    }

    private SimReply getPubKey(DeviceArgs a) {
        int slot = integer(a, "slot", -1);
        if (slot < 0 || slot > 15) return SimReply.error(400, "Invalid slot");
        try {
            return pubkey(ops.publicKey(slot));
        } catch (AtcaException e) {
            return fail("Failed get public key for slot " + slot, e);
        }
    }

    private SimReply sign(DeviceArgs a) {
        int slot = integer(a, "slot", -1);
        if (slot < 0 || slot > 15) return SimReply.error(400, "Invalid slot");
        byte[] digest = a.base64("digest").orElse(new byte[0]);
        if (digest.length != 32) return SimReply.error(400, "Expected 32 bytes, got " + digest.length);
        try {
            return SimReply.result("{\"signature\": " + DeviceJsonOut.base64(ops.sign(slot, Bytes.of(digest)).toArray()) + "}");
        } catch (AtcaException e) {
            return fail("Failed to sign", e);
        }
    }

    private SimReply aes(DeviceArgs a) {
        int slot = integer(a, "slot", -1);
        int block = integer(a, "block", 0);
        if (slot < 0 || slot > 15 || block < 0) return SimReply.error(400, "Invalid slot");
        byte[] data = a.base64("data").orElse(new byte[0]);
        if (data.length % 16 != 0) return SimReply.error(400, "Data must be padded to AES block (16)");
        int mode = integer(a, "mode", 0);   // the firmware defaults a missing mode to 0 (encrypt)
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (int i = 0; i < data.length; i += 16) {
            if (mode != 0 && mode != 1) return SimReply.error(400, "Invalid mode");
            try {
                out.writeBytes(ops.aes(slot, block, mode == 1, Bytes.of(data, i, 16)).toArray());
            } catch (AtcaException e) {
                return fail(mode == 1 ? "Failed to decrypt" : "Failed to encrypt", e);
            }
        }
        return SimReply.result("{\"data\": " + DeviceJsonOut.base64(out.toByteArray()) + "}");
    }

    private static SimReply pubkey(Bytes xy) { return SimReply.result("{\"pubkey\": " + DeviceJsonOut.base64(xy.toArray()) + "}"); }

    private static SimReply fail(String what, AtcaException e) {
        return SimReply.error(500, String.format("%s: 0x%02x", what, e.hostStatus()));
    }

    // The firmware copies 32 bytes from the key buffer whatever its length; a short key gets
    // zeros here where the device would read past its buffer (reference/atecc.md 7.6).
    private static Bytes first32(byte[] key) {
        byte[] k = new byte[32];
        System.arraycopy(key, 0, k, 0, Math.min(32, key.length));
        return Bytes.of(k);
    }

    private static int integer(DeviceArgs a, String key, int dflt) {
        return a.integer(key).isPresent() ? (int) a.integer(key).getAsLong() : dflt;
    }
}
