package dev.sesh.shell;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusPromptTest {
    private final String chip = "ATECC508A cfg:locked data:open";

    @Test
    void plainPromptNamesTheChipAndItsLocksInTheDesignsWords() {
        assertEquals("sesh [not connected]> ", new StatusPrompt(false).render(Optional.empty(), Optional.empty()));
        assertEquals("sesh [not connected ATECC508A cfg:locked data:open]> ", new StatusPrompt(false).render(Optional.empty(), Optional.of(chip)));
    }

    @Test
    void colourPromptCarriesTheSameTextWithEscapes() {
        String p = new StatusPrompt(true).render(Optional.empty(), Optional.of(chip));
        assertTrue(p.contains("\u001b["), p);
        assertEquals("sesh [not connected ATECC508A cfg:locked data:open]> ", p.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void whileTheBoardIsOpenedThePromptSaysSoAndNeverClaimsAChip() {
        assertEquals("sesh [connecting /dev/ttyUSB0]> ", new StatusPrompt(false).render(Optional.empty(), Optional.empty(), Optional.of("/dev/ttyUSB0")));
        assertEquals("sesh [not connected]> ", new StatusPrompt(false).render(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void plainPromptHasNoEscapes() {
        assertFalse(new StatusPrompt(false).render(Optional.empty(), Optional.of(chip)).contains("\u001b"));
    }
}
