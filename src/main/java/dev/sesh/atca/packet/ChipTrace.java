package dev.sesh.atca.packet;

import dev.sesh.bytes.Hex;

import java.util.Optional;

/**
 * Describes the bytes of I2C writes to and reads from one ATECC chip as one line of text each, for
 * the decoded wire trace (issue 19): the word address (reset, sleep, idle, command), the command
 * group (opcode name, named params, CRC checked) and the answer (status byte named, or data read in
 * the light of the command it answers). Stateful: a read is decoded against the last command
 * written, so use one instance per chip address.
 *
 * <p>Secrets (design.md 5.11): data bytes appear in hex only where they cannot be secret: config and
 * OTP zone writes and reads, Random, Info, Nonce input and output, a public key from GenKey, a
 * signature from Sign, a counter value. Everything else (data-zone writes and reads, PrivWrite,
 * encrypted payloads, MACs, digests, ECDH and KDF output) is shown as a length.
 */
public final class ChipTrace {
    private static final String[] ZONES = {"config", "otp", "data", "zone3"};

    private Optional<CommandPacket> last = Optional.empty();

    /** The wake pulse: the host drives SDA low through an (empty) write to address 0x00. */
    public static String wakePulse() { return "wake pulse (SDA low, chip wakes and answers 0x11 on its next read)"; }

    /** One I2C write to the chip: {@code bytes} start with the word address. */
    public String write(byte[] bytes) {
        if (bytes.length == 0) return "empty write (address probe)";
        int word = bytes[0] & 0xff;
        switch (word) {
            case 0x00 -> { return "word 0x00 reset: the next read starts the I/O buffer again" + trailing(bytes); }
            case 0x01 -> { last = Optional.empty(); return "word 0x01 sleep: volatile state (TempKey) lost" + trailing(bytes); }
            case 0x02 -> { return "word 0x02 idle: TempKey kept" + trailing(bytes); }
            case 0x03 -> { return command(bytes); }
            default -> { return String.format("word 0x%02x is no ATECC word address (%d bytes)", word, bytes.length); }
        }
    }

    private static String trailing(byte[] bytes) { return bytes.length > 1 ? " (+" + (bytes.length - 1) + " bytes after it)" : ""; }

    private String command(byte[] bytes) {
        int len = bytes.length - 1;
        if (len < 7) {
            last = Optional.empty();
            return "command group of " + len + " bytes is shorter than 7";
        }
        byte[] g = new byte[len];
        System.arraycopy(bytes, 1, g, 0, len);
        int count = g[0] & 0xff;
        boolean crcOk = count == len && Crc16.checks(g, len);
        String crc = count != len ? "count " + count + " but " + len + " bytes" : crcOk ? "crc ok" : "CRC BAD (chip answers 0xFF)";
        int opcode = g[1] & 0xff, p1 = g[2] & 0xff, p2 = (g[3] & 0xff) | (g[4] & 0xff) << 8;
        byte[] data = new byte[len - 7];
        System.arraycopy(g, 5, data, 0, data.length);
        CommandPacket p = new CommandPacket(opcode, p1, p2, dev.sesh.bytes.Bytes.of(data));
        last = crcOk ? Optional.of(p) : Optional.empty();
        return "cmd " + describe(p) + ", " + crc;
    }

    /** The command's name and named params; data in hex only where it cannot be a secret. */
    static String describe(CommandPacket p) {
        int p1 = p.param1(), p2 = p.param2();
        byte[] d = p.data().toArray();
        Optional<Opcode> op = p.op();
        if (op.isEmpty()) return String.format("unknown opcode 0x%02x p1=0x%02x p2=0x%04x, %s", p.opcode(), p1, p2, hidden(d));
        return switch (op.get()) {
            case READ -> "Read " + address(p1 & 3, p2) + " " + ((p1 & 0x80) != 0 ? 32 : 4) + " bytes";
            case WRITE -> write(p1, p2, d);
            case LOCK -> lock(p1, p2);
            case GENKEY -> "GenKey " + genKeyMode(p1) + " slot " + p2 + (d.length > 0 ? ", other data " + Hex.of(d) : "");
            case SIGN -> "Sign " + ((p1 & 0x80) != 0 ? "external message (TempKey)" : "internal message") + " key slot " + p2
                    + ((p1 & 0x40) != 0 ? ", serial number included" : "");
            case VERIFY -> "Verify mode " + verifyMode(p1 & 7) + " key " + p2 + ", " + d.length + " bytes (signature, public key)";
            case NONCE -> "Nonce mode " + nonceMode(p1 & 3) + ", input " + (d.length == 0 ? "none" : Hex.of(d));
            case RANDOM -> "Random" + (p1 == 0 ? " (seed updated)" : String.format(" mode 0x%02x (seed not updated)", p1));
            case INFO -> "Info " + infoMode(p1) + (p1 == 1 ? " slot " + p2 : "");
            case PRIV_WRITE -> "PrivWrite slot " + (p2 & 15) + ((p1 & 0x40) != 0 ? " encrypted" : " clear") + ", " + hidden(d);
            case GENDIG -> "GenDig zone " + genDigZone(p1) + " key " + p2 + (d.length > 0 ? ", other data " + hidden(d) : "");
            case MAC -> String.format("MAC mode 0x%02x key slot %d", p1, p2) + (d.length > 0 ? ", challenge " + hidden(d) : "");
            case CHECK_MAC -> String.format("CheckMac mode 0x%02x key slot %d, %s", p1, p2, hidden(d));
            case DERIVE_KEY -> String.format("DeriveKey target slot %d%s", p2, d.length > 0 ? ", MAC " + hidden(d) : "");
            case SHA -> String.format("SHA mode 0x%02x (%s), message %s", p1, shaMode(p1 & 7), hidden(d));
            case ECDH -> String.format("ECDH mode 0x%02x key slot %d, peer public key %d bytes", p1, p2, d.length);
            case COUNTER -> "Counter " + ((p1 & 1) != 0 ? "increment" : "read") + " counter " + p2;
            case UPDATE_EXTRA -> String.format("UpdateExtra %s value 0x%02x", (p1 & 1) != 0 ? "Selector (byte 85)" : "UserExtra (byte 84)", p2 & 0xff);
            case PAUSE -> String.format("Pause selector 0x%02x", p1);
            case HMAC -> String.format("HMAC mode 0x%02x key slot %d", p1, p2);
            case AES -> String.format("AES mode 0x%02x key 0x%04x, %s", p1, p2, hidden(d));
            case KDF -> String.format("KDF mode 0x%02x key 0x%04x, %s", p1, p2, hidden(d));
            case SELF_TEST -> String.format("SelfTest tests 0x%02x", p1);
            case SECURE_BOOT -> String.format("SecureBoot mode 0x%02x, %s", p1, hidden(d));
        };
    }

    /** One I2C read from the chip: a response group, decoded against the last command written. */
    public String read(byte[] bytes) {
        if (bytes.length == 0) return "nothing read";
        int count = bytes[0] & 0xff;
        if (bytes.length < 4) return "answer of " + bytes.length + " bytes is shorter than 4";
        if (allFf(bytes)) return "all 0xFF (" + bytes.length + " bytes): the chip is busy or asleep";
        if (count > bytes.length || count < 4) return "answer count " + count + " but " + bytes.length + " bytes read";
        boolean crcOk = Crc16.checks(bytes, count);
        String crc = crcOk ? "crc ok" : "CRC BAD";
        byte[] payload = new byte[count - 3];
        System.arraycopy(bytes, 1, payload, 0, payload.length);
        String extra = count < bytes.length ? " (+" + (bytes.length - count) + " bytes after the group)" : "";
        if (payload.length == 1) return status(payload[0] & 0xff) + ", " + crc + extra;
        return "data " + data(payload) + ", " + crc + extra;
    }

    private static String status(int code) {
        Optional<StatusCode> s = StatusCode.of(code);
        String name = s.map(StatusCode::meaning).orElse("unknown status");
        if (code == 0x11) return String.format("wake: status 0x11 (%s)", name);
        return String.format("status 0x%02x %s", code, name);
    }

    private String data(byte[] payload) {
        if (last.isEmpty()) return hidden(payload) + " (no command seen to answer)";
        CommandPacket c = last.get();
        Optional<Opcode> op = c.op();
        if (op.isEmpty()) return hidden(payload);
        return switch (op.get()) {
            case READ -> (c.param1() & 3) == 2 ? hidden(payload) + " (data zone)" : Hex.of(payload);
            case RANDOM -> "random " + Hex.of(payload);
            case INFO -> "info " + Hex.of(payload);
            case NONCE -> "random out " + Hex.of(payload);
            case GENKEY -> "public key " + Hex.of(payload);
            case SIGN -> "signature " + Hex.of(payload);
            case COUNTER -> "counter " + Hex.of(payload);
            default -> op.get().name() + " output " + hidden(payload);
        };
    }

    private static boolean allFf(byte[] b) {
        for (byte x : b) if (x != (byte) 0xff) return false;
        return true;
    }

    private static String hidden(byte[] d) { return "<" + d.length + " bytes>"; }

    private static String address(int zone, int p2) {
        int word = p2 & 7;
        if (zone == 2) return "data slot " + ((p2 >> 3) & 15) + " block " + ((p2 >> 8) & 15) + " word " + word;
        return ZONES[zone] + " block " + ((p2 >> 3) & 3) + " word " + word + " (byte " + (((p2 >> 3) & 3) * 32 + word * 4) + ")";
    }

    private static String write(int p1, int p2, byte[] d) {
        int zone = p1 & 3;
        boolean enc = (p1 & 0x40) != 0;
        String where = "Write " + address(zone, p2) + " " + ((p1 & 0x80) != 0 ? 32 : 4) + " bytes";
        if (enc) return where + " encrypted: " + Math.min(32, d.length) + " bytes ciphertext, " + Math.max(0, d.length - 32) + " bytes MAC";
        if (zone == 2) return where + ": " + hidden(d);
        return where + ": " + Hex.of(d);
    }

    private static String lock(int p1, int p2) {
        int zone = p1 & 3;
        boolean noCrc = (p1 & 0x80) != 0;
        String what = switch (zone) {
            case 0 -> "config zone";
            case 1 -> "data zone";
            case 2 -> "slot " + ((p1 >> 2) & 15);
            default -> "zone 3 (invalid)";
        };
        return "Lock " + what + (noCrc ? ", no summary CRC" : String.format(", summary CRC 0x%04x", p2));
    }

    private static String genKeyMode(int p1) {
        if ((p1 & 0x04) != 0) return "create private key";
        if ((p1 & 0x08) != 0) return "public key digest";
        return "public key of";
    }

    private static String nonceMode(int m) {
        return switch (m) {
            case 0 -> "random (seed updated)";
            case 1 -> "random (seed not updated)";
            case 3 -> "pass-through";
            default -> "2 (invalid)";
        };
    }

    private static String verifyMode(int m) {
        return switch (m) {
            case 0 -> "stored";
            case 1 -> "validate external";
            case 2 -> "external";
            case 3 -> "validate";
            case 4 -> "invalidate";
            default -> String.valueOf(m);
        };
    }

    private static String infoMode(int p1) {
        return switch (p1) {
            case 0 -> "revision";
            case 1 -> "key valid";
            case 2 -> "state";
            case 3 -> "GPIO";
            default -> String.format("mode 0x%02x", p1);
        };
    }

    private static String genDigZone(int p1) {
        return switch (p1) {
            case 0 -> "config";
            case 1 -> "otp";
            case 2 -> "data";
            case 3 -> "shared nonce";
            case 4 -> "counter";
            case 5 -> "key config";
            default -> String.valueOf(p1);
        };
    }

    private static String shaMode(int m) {
        return switch (m) {
            case 0 -> "start";
            case 1 -> "update";
            case 2 -> "end";
            case 3 -> "public";
            case 4 -> "HMAC start";
            case 5 -> "HMAC end";
            default -> "other";
        };
    }
}
