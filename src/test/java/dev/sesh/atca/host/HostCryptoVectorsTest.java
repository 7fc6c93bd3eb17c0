package dev.sesh.atca.host;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sesh.atca.command.Address;
import dev.sesh.atca.command.GenDig;
import dev.sesh.atca.command.Nonce;
import dev.sesh.atca.command.PrivWrite;
import dev.sesh.atca.command.Write;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostCryptoVectorsTest {
    static final SerialNumber SN = new SerialNumber(Vectors.hex("meta", "serial_number"));

    @Test
    void serialNumberComesFromConfigBytes0to3And8to12() {
        assertEquals(SN, SerialNumber.fromConfig(Vectors.hex("config_zone", "chip_image_after_setconfig")));
    }

    @Test
    void nonceRandomTempKeyMatchesBothVectors() {
        for (JsonNode v : Vectors.at("nonce_random")) {
            int mode = Integer.decode(v.get("mode").asText());
            Bytes numIn = Bytes.ofHex(v.get("num_in").asText());
            Bytes tk = TempKeyMath.nonce(Bytes.ofHex(v.get("rand_out").asText()), numIn, mode, 0);
            assertEquals(Bytes.ofHex(v.get("tempkey").asText()), tk);
            assertEquals(Bytes.ofHex(v.get("command_packet").asText()), Nonce.random(mode == 0, numIn).toPacket().encode());
        }
    }

    @Test
    void nonceRandomMessageIs55Bytes() {
        JsonNode v = Vectors.at("nonce_random", 0);
        Bytes msg = Digests.message().add(Bytes.ofHex(v.get("rand_out").asText())).add(Bytes.ofHex(v.get("num_in").asText())).add(0x16, 0, 0).bytes();
        assertEquals(Bytes.ofHex(v.get("sha256_input").asText()), msg);
    }

    @Test
    void passThroughNoncePacketsMatch() {
        Bytes d = Vectors.hex("nonce_passthrough", "num_in");
        assertEquals(Vectors.hex("nonce_passthrough", "command_packet_508a"), Nonce.passThrough(d).toPacket().encode());
        assertEquals(Vectors.hex("nonce_passthrough", "command_packet_608a_msgdigbuf"), Nonce.passThroughTo(Nonce.TARGET_MSG_DIGEST, d).toPacket().encode());
    }

    @Test
    void genDigTempKeyIsTheSameWithOrWithoutOtherData() {
        Bytes key = Vectors.hex("gendig", 0, "key_value");
        Bytes before = Vectors.hex("gendig", 0, "tempkey_before");
        Bytes after = Vectors.hex("gendig", 0, "tempkey_after");
        assertEquals(after, TempKeyMath.genDig(key, 2, 4, Optional.empty(), SN, before));
        assertEquals(after, TempKeyMath.genDig(key, 2, 4, Optional.of(Bytes.ofHex("15020400")), SN, before));
        assertEquals(Vectors.hex("gendig", 0, "command_packet_with_otherdata"), GenDig.ofSlot(4).toPacket().encode());
        assertEquals(Vectors.hex("gendig", 0, "command_packet_no_data"), new GenDig(dev.sesh.atca.command.Zone.DATA, 4, Bytes.EMPTY).toPacket().encode());
    }

    @Test
    void encryptedWritesMatchBothVectors() {
        for (JsonNode v : Vectors.at("encrypted_write")) {
            int addr = Integer.decode(v.get("param2_address").asText());
            Address a = Address.decode(dev.sesh.atca.command.Zone.DATA, addr, 32);
            Bytes tk = Bytes.ofHex(v.get("tempkey").asText());
            Write w = EncryptedWrites.write(a, Bytes.ofHex(v.get("plaintext").asText()), tk, SN);
            assertEquals(Bytes.ofHex(v.get("ciphertext").asText()), w.value());
            assertEquals(Bytes.ofHex(v.get("mac").asText()), w.mac().orElseThrow());
            assertEquals(Bytes.ofHex(v.get("command_packet").asText()), w.toPacket().encode());
        }
    }

    @Test
    void plainWritePacketMatches() {
        JsonNode v = Vectors.at("plain_write", 0);
        Write w = Write.clear(Address.data(4, 0, 0), Bytes.ofHex(v.get("data").asText()));
        assertEquals(Bytes.ofHex(v.get("command_packet").asText()), w.toPacket().encode());
    }

    @Test
    void privWriteCipherMacAndPacketMatch() {
        JsonNode v = Vectors.at("privwrite", 0);
        Bytes tk = Bytes.ofHex(v.get("tempkey").asText());
        PrivWrite pw = EncryptedWrites.privWrite(0, Bytes.ofHex(v.get("private_key").asText()), tk, SN);
        assertEquals(Bytes.ofHex(v.get("ciphertext36").asText()), pw.value());
        assertEquals(Bytes.ofHex(v.get("mac").asText()), pw.mac());
        assertEquals(Bytes.ofHex(v.get("command_packet").asText()), pw.toPacket().encode());
        assertEquals(Bytes.ofHex(v.get("plaintext36").asText()), EncryptedWrites.privWriteCipher(pw.value(), tk));
        assertEquals(Bytes.ofHex(v.get("second_key_sha256_tempkey").asText()), Digests.sha256(tk));
    }

    @Test
    void clearPrivWritePacketMatches() {
        PrivWrite pw = PrivWrite.clear(0, Vectors.hex("privwrite", 0, "private_key"));
        assertEquals(Vectors.hex("privwrite", 1, "command_packet"), pw.toPacket().encode());
    }

    @Test
    void genKeyPublicKeyDigestMatches() {
        Bytes tk = TempKeyMath.genKeyDigest(Vectors.hex("ecc", "pubkey_digest_mode_0x08", "tempkey_before"), 0x08, 0, Optional.empty(), SN,
                Vectors.hex("ecc", "public_key_xy"));
        assertEquals(Vectors.hex("ecc", "pubkey_digest_mode_0x08", "tempkey_after"), tk);
    }

    @Test
    void writeMacMessageLayoutMatchesVectorInput() {
        JsonNode v = Vectors.at("encrypted_write", 1);
        Bytes tk = Bytes.ofHex(v.get("tempkey").asText());
        Bytes msg = Digests.message().add(tk).add(0x12, 0xC2).le16(0x40).add(SN.sn(8), SN.sn(0), SN.sn(1)).zeros(25).add(Bytes.ofHex(v.get("plaintext").asText())).bytes();
        assertEquals(Bytes.ofHex(v.get("mac_sha256_input").asText()), msg);
    }
}
