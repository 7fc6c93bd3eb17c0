package dev.sesh.atca.command;

import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.Opcode;
import dev.sesh.atca.packet.Variant;

/**
 * A chip command as a value: built on the host ({@link #toPacket}), parsed in the simulator
 * ({@link #parse}). Parsing applies only the chip's state-independent rules (reference/atecc.md
 * 3.3: mode bits, lengths, ranges) and throws {@link CommandParseException} (status 0x03) for
 * anything else. {@code toString} never shows data bytes (they may be keys).
 */
public sealed interface ChipCommand
        permits Pause, Read, Mac, Hmac, Write, GenDig, Nonce, Lock, Random, DeriveKey, UpdateExtra, Counter,
                CheckMac, Info, GenKey, Sign, Ecdh, Verify, PrivWrite, Sha, Aes, Kdf, SelfTest, SecureBoot {

    Opcode opcode();

    CommandPacket toPacket();

    /** Parses a group for {@code variant}; an opcode the variant lacks is a parse error. */
    static ChipCommand parse(CommandPacket p, Variant variant) {
        Opcode op = p.op().orElseThrow(() -> new CommandParseException(String.format("unknown opcode 0x%02x", p.opcode())));
        CommandParseException.require(op.existsOn(variant), op + " does not exist on the " + variant);
        return switch (op) {
            case PAUSE -> Pause.parse(p);
            case READ -> Read.parse(p);
            case MAC -> Mac.parse(p);
            case HMAC -> Hmac.parse(p);
            case WRITE -> Write.parse(p);
            case GENDIG -> GenDig.parse(p, variant);
            case NONCE -> Nonce.parse(p, variant);
            case LOCK -> Lock.parse(p);
            case RANDOM -> Random.parse(p);
            case DERIVE_KEY -> DeriveKey.parse(p);
            case UPDATE_EXTRA -> UpdateExtra.parse(p, variant);
            case COUNTER -> Counter.parse(p);
            case CHECK_MAC -> CheckMac.parse(p);
            case INFO -> Info.parse(p, variant);
            case GENKEY -> GenKey.parse(p, variant);
            case SIGN -> Sign.parse(p, variant);
            case ECDH -> Ecdh.parse(p, variant);
            case VERIFY -> Verify.parse(p, variant);
            case PRIV_WRITE -> PrivWrite.parse(p);
            case SHA -> Sha.parse(p, variant);
            case AES -> Aes.parse(p);
            case KDF -> Kdf.parse(p);
            case SELF_TEST -> SelfTest.parse(p);
            case SECURE_BOOT -> SecureBoot.parse(p);
        };
    }

    static void requireSlot(int keyId) {
        CommandParseException.require(keyId >= 0 && keyId <= 15, "key id " + keyId + " is not a slot 0-15");
    }

    static void requireLength(CommandPacket p, int... allowed) {
        for (int a : allowed) if (p.data().length() == a) return;
        throw new CommandParseException(p.data().length() + " data bytes not allowed for " + p.op().map(Enum::name).orElse("?"));
    }
}
