package dev.sesh.sim.chip;

import dev.sesh.atca.command.*;
import dev.sesh.atca.packet.CommandPacket;
import dev.sesh.atca.packet.ResponsePacket;

/**
 * Runs one complete, CRC-checked command group against the chip state: parse (0x03 on malformed),
 * then the opcode's handler (0x0F and friends on refusal). Never throws for any input.
 */
final class CommandExecutor {
    /** The rule that refused the last command, for tests and traces; empty after success. */
    private String lastRule = "";

    String lastRule() { return lastRule; }

    ResponsePacket execute(CommandPacket p, ChipContext c) {
        lastRule = "";
        try {
            return dispatch(ChipCommand.parse(p, c.variant()), c);
        } catch (CommandParseException e) {
            lastRule = e.getMessage();
            return ResponsePacket.status(dev.sesh.atca.packet.StatusCode.PARSE_ERROR);
        } catch (ChipError e) {
            lastRule = e.getMessage();
            return ResponsePacket.status(e.status);
        }
    }

    private static ResponsePacket dispatch(ChipCommand cmd, ChipContext c) {
        return switch (cmd.opcode()) {
            case PAUSE -> SmallHandlers.pause((Pause) cmd, c);
            case READ -> ReadHandler.run((Read) cmd, c);
            case MAC -> MacHandlers.mac((Mac) cmd, c);
            case HMAC -> MacHandlers.hmac((Hmac) cmd, c);
            case WRITE -> WriteHandler.run((Write) cmd, c);
            case GENDIG -> GenDigHandler.run((GenDig) cmd, c);
            case NONCE -> NonceHandler.run((Nonce) cmd, c);
            case LOCK -> LockHandler.run((Lock) cmd, c);
            case RANDOM -> SmallHandlers.random(c);
            case DERIVE_KEY -> MacHandlers.deriveKey((DeriveKey) cmd, c);
            case UPDATE_EXTRA -> SmallHandlers.updateExtra((UpdateExtra) cmd, c);
            case COUNTER -> SmallHandlers.counter((Counter) cmd, c);
            case CHECK_MAC -> MacHandlers.checkMac((CheckMac) cmd, c);
            case INFO -> SmallHandlers.info((Info) cmd, c);
            case GENKEY -> EccHandlers.genKey((GenKey) cmd, c);
            case SIGN -> EccHandlers.sign((Sign) cmd, c);
            case ECDH -> EccHandlers.ecdh((Ecdh) cmd, c);
            case VERIFY -> EccHandlers.verify((Verify) cmd, c);
            case PRIV_WRITE -> PrivWriteHandler.run((PrivWrite) cmd, c);
            case SHA -> ShaAesHandlers.sha((Sha) cmd, c);
            case AES -> ShaAesHandlers.aes((Aes) cmd, c);
            case SELF_TEST -> SmallHandlers.selfTest();
            case KDF -> throw ChipError.parse("KDF message layouts are not specified in the reference");
            case SECURE_BOOT -> throw ChipError.parse("SecureBoot config fields are not specified in the reference");
        };
    }
}
