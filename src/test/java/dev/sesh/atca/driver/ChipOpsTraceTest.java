package dev.sesh.atca.driver;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.packet.Variant;
import dev.sesh.bytes.Bytes;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ChipOps sends exactly the I2C transactions the Mongoose OS firmware sends for each ATCA.* RPC
 * (atecc-vectors.json firmware_i2c_trace), answered with the trace's canned chip answers.
 */
class ChipOpsTraceTest {
    private final VirtualClock clock = new VirtualClock();
    private final ScriptedPort port = new ScriptedPort();
    private final AtcaDriver driver = new AtcaDriver(port, clock, DriverOptions.firmware());
    private final ChipOps ops = ChipOps.firmware(driver);

    private void replay(String chip, int entry, Consumer<ChipOps> rpc) {
        JsonNode e = Vectors.at("firmware_i2c_trace", chip, entry);
        for (JsonNode n : e.get("i2c")) {
            String line = n.asText();
            String bytes = line.substring(line.indexOf(": ") + 2).split(" {2}")[0].trim();
            if (line.startsWith("I2C write 0x00")) port.write(0, bytes, false);
            else if (line.startsWith("I2C write 0x60")) port.write(0x60, bytes, true);
            else port.read(0x60, bytes.split(" ").length, bytes);
        }
        rpc.accept(ops);
        port.done();
    }

    private static Bytes example(String call, String field) {
        return Bytes.of(Base64.getDecoder().decode(Vectors.at("mos_rpc_examples", call, field).asText()));
    }

    @Test void getConfigReadsTheFourConfigBlocks() {
        replay("atecc508a", 1, o -> {
            for (int b = 0; b < 4; b++) o.readConfigBlock(b);
        });
    }

    @Test void setConfigWritesWordsBlocksAndBothUpdateExtras() {
        replay("atecc508a", 2, o -> o.writeConfig(example("ATCA.SetConfig params", "config")));
    }

    @Test void lockZoneSendsLockWithoutSummary() {
        replay("atecc508a", 3, o -> o.lockZone(0));
        replay("atecc508a", 4, o -> o.lockZone(1));
    }

    @Test void plainSetKeyIsOneClearWrite() {
        replay("atecc508a", 5, o -> o.writeClear(4, 0, example("ATCA.SetKey slot 4 (plain)", "key")));
    }

    @Test void encryptedPrivWriteReadsSerialNoncesGenDigsThenWrites() {
        String call = "ATCA.SetKey slot 0 (encrypted, as mos sends it)";
        replay("atecc508a", 6, o -> o.privWrite(0, example(call, "key"), 4, Optional.of(example(call, "wkey"))));
    }

    @Test void getPubKeyAndGenKeyAreGenKeyModes0And4() {
        replay("atecc508a", 7, o -> assertEquals(Vectors.hex("ecc", "sign", "signature_rs").length(), o.publicKey(0).length()));
        replay("atecc508a", 9, o -> o.genKey(2));
    }

    @Test void signOn508aLoadsTempKeyAndSignsExternal() {
        driver.setChip(Variant.ATECC508A, 0);
        replay("atecc508a", 8, o -> assertEquals(Vectors.hex("ecc", "sign", "signature_rs"), o.sign(0, Vectors.hex("ecc", "sign", "digest"))));
    }

    @Test void signOn608aUsesTheMessageDigestBuffer() {
        driver.setChip(Variant.ATECC608A, 0);
        replay("atecc608a_sign_and_pubkey", 2, o -> o.sign(0, Vectors.hex("ecc", "sign", "digest")));
    }

    @Test void encryptedWriteOfSlot8MatchesTheFirmware() {
        String call = "ATCA.SetKey slot 0 (encrypted, as mos sends it)";
        replay("atecc508a", 10, o -> o.writeEncrypted(8, 0, Vectors.hex("encrypted_write", 1, "plaintext"), 4, example(call, "wkey")));
    }

    @Test void bootProbeReadsConfigInfoSerialAndLockWords() {
        replay("atecc508a", 0, o -> {
            ChipIdentity id = o.driver().identify();
            assertEquals(Variant.ATECC508A, id.variant());
            o.serial();
            o.readWord(Address.configByte(84));
            o.readWord(Address.configByte(84));
        });
    }

    @Test void clearWriteOfAnOddLengthIsRefusedBeforeSending() {
        AtcaException e = assertThrows(AtcaException.class, () -> ops.writeClear(4, 0, Bytes.of(new byte[5])));
        assertEquals(0xE2, e.hostStatus());
        port.done();
    }

    @Test void aesOnA508aIsABadOpcode() {
        driver.setChip(Variant.ATECC508A, 0);
        assertEquals(0xF2, assertThrows(AtcaException.class, () -> ops.aes(5, 0, false, Bytes.of(new byte[16]))).hostStatus());
    }
}
