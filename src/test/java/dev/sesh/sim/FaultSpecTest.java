package dev.sesh.sim;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultSpecTest {
    @Test
    void parsesEveryKindWithPositionsAndMillis() {
        FaultSpec s = FaultSpec.parse("drop@3,flip@5,crc@1,delay=6000@2,junk@*,reboot@4,cut@7,xoff=3000@1", 9);
        assertEquals(8, s.rules().size());
        assertEquals(new FaultSpec.Rule(FaultSpec.Kind.DELAY, 6000, 2), s.rules().get(3));
        assertEquals(new FaultSpec.Rule(FaultSpec.Kind.JUNK, 0, 0), s.rules().get(4));
        assertEquals(9, s.seed());
        assertEquals("drop@3,flip@5,crc@1,delay=6000@2,junk@*,reboot@4,cut@7,xoff=3000@1", s.toString());
    }

    @Test
    void rulesApplyToTheirFrameOrToEveryFrame() {
        FaultSpec s = FaultSpec.parse("crc@2,junk@*", 1);
        assertEquals(List.of(FaultSpec.Kind.JUNK), s.at(1).stream().map(FaultSpec.Rule::kind).toList());
        assertEquals(List.of(FaultSpec.Kind.CRC, FaultSpec.Kind.JUNK), s.at(2).stream().map(FaultSpec.Rule::kind).toList());
    }

    @Test
    void emptySpecMeansNoFaults() {
        assertTrue(FaultSpec.parse("", 1).isEmpty());
        assertTrue(FaultSpec.parse(null, 1).isEmpty());
    }

    @Test
    void rejectsMalformedRulesAsUsageErrors() {
        for (String bad : List.of("drop", "nuke@1", "delay@1", "drop=5@1", "crc@0", "crc@x", "xoff=-3@1", "delay=abc@2")) {
            SeshException e = assertThrows(SeshException.class, () -> FaultSpec.parse(bad, 1), bad);
            assertEquals(SeshException.USAGE, e.exitCode());
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }
}
