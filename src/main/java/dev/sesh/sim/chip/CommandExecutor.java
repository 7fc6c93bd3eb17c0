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
            case PAUSE -> PauseHandler.run((Pause) cmd, c);
            case READ -> ReadHandler.run((Read) cmd, c);
            case MAC -> MacHandler.run((Mac) cmd, c);
            case HMAC -> HmacHandler.run((Hmac) cmd, c);
            case WRITE -> WriteHandler.run((Write) cmd, c);
            case GENDIG -> GenDigHandler.run((GenDig) cmd, c);
            case NONCE -> NonceHandler.run((Nonce) cmd, c);
            case LOCK -> LockHandler.run((Lock) cmd, c);
            case RANDOM -> RandomHandler.run(c);
            case DERIVE_KEY -> DeriveKeyHandler.run((DeriveKey) cmd, c);
            case UPDATE_EXTRA -> UpdateExtraHandler.run((UpdateExtra) cmd, c);
            case COUNTER -> CounterHandler.run((Counter) cmd, c);
            case CHECK_MAC -> CheckMacHandler.run((CheckMac) cmd, c);
            case INFO -> InfoHandler.run((Info) cmd, c);
            case GENKEY -> GenKeyHandler.run((GenKey) cmd, c);
            case SIGN -> SignHandler.run((Sign) cmd, c);
            case ECDH -> EcdhHandler.run((Ecdh) cmd, c);
            case VERIFY -> VerifyHandler.run((Verify) cmd, c);
            case PRIV_WRITE -> PrivWriteHandler.run((PrivWrite) cmd, c);
            case SHA -> ShaHandler.run((Sha) cmd, c);
            case AES -> AesHandler.run((Aes) cmd, c);
            case SELF_TEST -> SelfTestHandler.run();
            case KDF -> KdfHandler.run((Kdf) cmd, c);
            case SECURE_BOOT -> SecureBootHandler.run((SecureBoot) cmd, c);
        };
    }
}
