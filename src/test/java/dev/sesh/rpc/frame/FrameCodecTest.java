package dev.sesh.rpc.frame;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameCodecTest {

    @Test
    void crcOfSysGetInfoVectorIs010a4ff9() {
        assertEquals("010a4ff9", FrameCodec.crc32Hex("{\"method\":\"Sys.GetInfo\"}"));
    }

    @Test
    void crcIsZeroPaddedLowerCase() {
        assertEquals("0c274698", FrameCodec.crc32Hex("{\"id\":304,\"src\":\"esp8266_0A1B2C\",\"result\":{\"channel_info\": \"UART0\"}}"));
    }

    @Test
    void encodesMosFrameOfSection74() {
        String json = "{\"src\":\"mos\",\"id\":1649267441664,\"method\":\"ATCA.GetConfig\"}";
        byte[] wire = FrameCodec.encode(json, true, true);
        assertEquals(74, wire.length);
        assertArrayEquals(("\n\"\"\"" + json + "a40f83d5\"\"\"\n").getBytes(StandardCharsets.US_ASCII), wire);
    }

    @Test
    void encodesDeviceNewlineFrameWithoutCrc() {
        assertArrayEquals("\n{\"id\":1}\n".getBytes(StandardCharsets.US_ASCII), FrameCodec.encode("{\"id\":1}", false, false));
    }

    @Test
    void encodesDeviceNewlineFrameWithCrcOfSection71() {
        String json = "{\"id\":1,\"method\":\"Sys.GetInfo\"}";
        assertArrayEquals(("\n" + json + "c1b3c9ca\n").getBytes(StandardCharsets.US_ASCII), FrameCodec.encode(json, false, true));
    }

    @Test
    void handshakeProbeIsTheNineBytesOfSection70() {
        assertArrayEquals(new byte[]{0x22, 0x22, 0x22, 0x04, 0x22, 0x22, 0x22, 0x0a, 0x0a}, FrameCodec.HANDSHAKE_PROBE);
    }
}
