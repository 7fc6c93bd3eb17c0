package dev.sesh.atca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sesh.SeshException;
import dev.sesh.atca.config.ConfigZone;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;
import dev.sesh.atca.packet.StatusCode;
import dev.sesh.bytes.Bytes;
import dev.sesh.device.Board;
import dev.sesh.device.RemoteErrorException;

import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives the chip through the firmware's ATCA.* RPC service (reference/atecc.md 9.2), as mos does.
 * What that service cannot do is refused here with the reason: a Lock with a summary CRC
 * (ATCA.LockZone sends none; {@link #lockConfig} locks without it), slot locks, data reads, Random
 * and raw commands. Keys sent with ATCA.SetKey cross the serial link; callers' plans say so.
 * A failing call's {@code 0xS} (cryptoauthlib's code) becomes the chip status it stands for.
 */
public final class RpcAtcaBackend implements AteccBackend {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HOST_STATUS = Pattern.compile(": 0x([0-9a-fA-F]{2})$");

    private final Board board;

    public RpcAtcaBackend(Board board) { this.board = board; }

    @Override public Via via() { return Via.RPC; }

    @Override public <T> T session(java.util.function.Supplier<T> sequence) { return sequence.get(); }

    /** mos's rule: config bytes 4-7 big-endian, 0x6000 and up is a 608A. */
    @Override public Identity identify(Bytes config) {
        ConfigZone z = ConfigZone.of(config);
        return new Identity(z.variant(), z.revision(), String.format("config bytes 4-7, revision 0x%04x", z.revision()));
    }

    @Override public Bytes readConfig() {
        JsonNode r = call("ATCA.GetConfig", JSON.createObjectNode(), ChipOp.READ_CONFIG, -1);
        Bytes config = base64(r.path("config"));
        if (config.length() != ConfigZone.SIZE) throw SeshException.failed("ATCA.GetConfig returned " + config.length() + " bytes, not 128", "check the firmware's rpc-service-atca library");
        return config;
    }

    @Override public void writeConfig(Bytes config128) {
        call("ATCA.SetConfig", JSON.createObjectNode().put("config", b64(config128)), ChipOp.WRITE_CONFIG, -1);
    }

    @Override public boolean locksWithCrc() { return false; }

    /** ATCA.LockZone {zone:0}: mode 0x80, no summary; {@code crc} cannot be sent. */
    @Override public void lockConfig(int crc) { call("ATCA.LockZone", JSON.createObjectNode().put("zone", 0), ChipOp.LOCK_CONFIG, -1); }

    @Override public void lockData(OptionalInt crc) { call("ATCA.LockZone", JSON.createObjectNode().put("zone", 1), ChipOp.LOCK_DATA, -1); }

    @Override public void lockSlot(int slot) { throw cannot("lock a single slot", "ATCA.LockZone locks only the config or data zone"); }

    @Override public Bytes random() { throw cannot("draw random bytes", "the ATCA.* service has no Random method"); }

    @Override public Bytes read(int slot, int block, int word, int len) { throw cannot("read a data slot", "the ATCA.* service has no Read method"); }

    @Override public void writeClear(int slot, int block, Bytes value) {
        ObjectNode p = JSON.createObjectNode().put("slot", slot).put("block", block).put("key", b64(value));
        call("ATCA.SetKey", p, ChipOp.WRITE, slot);
    }

    @Override public void writeEncrypted(int slot, int block, Bytes plaintext32, int writeKeySlot, Bytes writeKey) {
        ObjectNode p = JSON.createObjectNode().put("slot", slot).put("block", block).put("key", b64(plaintext32))
                .put("wkey", b64(writeKey)).put("wkslot", writeKeySlot);
        call("ATCA.SetKey", p, ChipOp.WRITE, slot);
    }

    @Override public void privWrite(int slot, Bytes scalar32, int writeKeySlot, Optional<Bytes> writeKey) {
        ObjectNode p = JSON.createObjectNode().put("slot", slot).put("ecc", true).put("key", b64(scalar32));
        writeKey.ifPresent(w -> p.put("wkey", b64(w)).put("wkslot", writeKeySlot));
        call("ATCA.SetKey", p, ChipOp.PRIV_WRITE, slot);
    }

    @Override public Bytes genKey(int slot) {
        return base64(call("ATCA.GenKey", JSON.createObjectNode().put("slot", slot), ChipOp.GEN_KEY, slot).path("pubkey"));
    }

    @Override public Bytes publicKey(int slot) {
        return base64(call("ATCA.GetPubKey", JSON.createObjectNode().put("slot", slot), ChipOp.PUBLIC_KEY, slot).path("pubkey"));
    }

    @Override public Bytes mac(int slot, Bytes challenge32) { throw cannot("compute a MAC", "the ATCA.* service has no MAC method"); }

    @Override public Bytes sign(int slot, Bytes digest32) {
        ObjectNode p = JSON.createObjectNode().put("slot", slot).put("digest", b64(digest32));
        return base64(call("ATCA.Sign", p, ChipOp.SIGN, slot).path("signature"));
    }

    @Override public ResponsePacket raw(CommandPacket command, int responseLen) {
        throw cannot("send a raw command", "the ATCA.* service runs only its own command sequences");
    }

    private JsonNode call(String method, ObjectNode params, ChipOp op, int slot) {
        String result;
        try {
            result = board.raw(method, params.toString());
        } catch (RemoteErrorException e) {
            throw translate(e, op, slot);
        }
        try {
            return result == null ? JSON.nullNode() : JSON.readTree(result);
        } catch (IOException e) {
            throw SeshException.failed(method + " returned malformed JSON", "check the firmware's rpc-service-atca library");
        }
    }

    private SeshException translate(RemoteErrorException e, ChipOp op, int slot) {
        if (e.code() == 404) {
            return new SeshException("the board's ATCA service is not running (" + e.method() + ": 404)", notRunningHint(), SeshException.FAILED, e);
        }
        Matcher m = HOST_STATUS.matcher(e.remoteMessage());
        if (m.find()) {
            int host = Integer.parseInt(m.group(1), 16);
            for (StatusCode s : StatusCode.values()) {
                if (s != StatusCode.SUCCESS && s.hostCode() == host) return new ChipStatusException(op, slot, s, "");
            }
        }
        return e;
    }

    /**
     * With sys.atca.enable off, turning it on needs I2C too (without it the firmware fails its boot:
     * config set adds i2c.enable, but the hint names both keys). With it already on, the boot probe
     * did not find the chip, so enabling again would not help.
     */
    private String notRunningHint() {
        boolean enabled;
        try {
            enabled = "true".equals(board.raw("Config.Get", "{\"key\":\"sys.atca.enable\"}"));
        } catch (SeshException unknown) {
            enabled = false;
        }
        if (enabled) {
            return "sys.atca.enable is already true, so the boot probe did not find the chip: check the boot log (log), "
                    + "the wiring and sys.atca.i2c_addr (i2c scan), or use --via i2c";
        }
        return "config set sys.atca.enable=true i2c.enable=true (the board reboots), or use --via i2c";
    }

    private static SeshException cannot(String what, String why) {
        return SeshException.failed("cannot " + what + " over ATCA.* RPC: " + why, "use --via i2c (sesh's own driver over I2C.Write/Read)");
    }

    private static String b64(Bytes b) { return Base64.getEncoder().encodeToString(b.toArray()); }

    private static Bytes base64(JsonNode n) {
        try {
            return Bytes.of(Base64.getDecoder().decode(n.asText("")));
        } catch (IllegalArgumentException e) {
            throw SeshException.failed("the board sent malformed base64", "check the firmware's rpc-service-atca library");
        }
    }
}
