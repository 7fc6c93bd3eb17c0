package dev.sesh.atca.config;

import dev.sesh.SeshException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SlotTest {
    @Test void slotsAre0To15() {
        assertEquals(0, Slot.of(0).number());
        assertEquals(15, Slot.of(15).number());
        for (int bad : new int[]{-1, 16, 255}) {
            SeshException e = assertThrows(SeshException.class, () -> Slot.of(bad));
            assertEquals("slot " + bad + " does not exist", e.getMessage());
            assertEquals("slots are 0-15", e.hint());
            assertEquals(SeshException.USAGE, e.exitCode());
        }
    }

    @Test void theErrorNamesTheSlotAsTheUserWroteIt() {
        assertEquals("slot 0x10 does not exist", assertThrows(SeshException.class, () -> Slot.of(16, "0x10")).getMessage());
        assertEquals(new Slot(10), Slot.of(10, "0x0a"));
    }
}
