package dev.sesh.shell.confirm;

import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.shell.format.Style;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanRendererTest {
    @Test
    void alignsColumnsOfConsecutiveChangesOfOneKind() {
        Plan plan = Plan.builder("set 3 keys and reboot the board", TerminalGateTest.CHIP)
                .change(new Change.ConfigKeyChange("http.listen_addr", ":80", ":443", false))
                .change(new Change.ConfigKeyChange("http.ssl_cert", "\"\"", "ecc.crt.pem", false))
                .change(new Change.ConfigKeyChange("http.ssl_key", "\"\"", "ATCA:0", false))
                .change(new Change.Reboot())
                .build();
        assertEquals("""
                plan: set 3 keys and reboot the board
                  http.listen_addr  :80  -> :443
                  http.ssl_cert     ""   -> ecc.crt.pem
                  http.ssl_key      ""   -> ATCA:0
                  reboot the board
                """, new PlanRenderer(Style.plain()).render(plan));
    }

    @Test
    void summarisesChangesBeyondTheLimit() {
        Plan.Builder b = Plan.builder("write the config zone", TerminalGateTest.CHIP);
        for (int slot = 0; slot < 5; slot++) b.change(new Change.ConfigZoneChange("slot " + slot, "WriteConfig", "Always", "Never"));
        Plan plan = b.note("lint: 0 problems").build();
        assertEquals("""
                plan: write the config zone
                  slot 0  WriteConfig  Always -> Never
                  slot 1  WriteConfig  Always -> Never
                  ... 3 more changes
                  lint: 0 problems
                """, new PlanRenderer(Style.plain(), 3).render(plan));
        assertEquals(6, plan.lines().size(), "the audit keeps every change");
    }

    @Test
    void asksYesNoForReversibleAndThePhraseForIrreversible() {
        PlanRenderer r = new PlanRenderer(Style.plain());
        assertEquals("apply? [y/N] ", r.question(TerminalGateTest.REBOOT));
        assertEquals("type \"lock config f378\" to proceed: ", r.question(TerminalGateTest.LOCK));
    }

    @Test
    void colorsOnlyWhenTheStyleAllowsThem() {
        assertFalse(new PlanRenderer(new Style(true, true)).render(TerminalGateTest.LOCK).contains("\u001b["));
        assertTrue(new PlanRenderer(new Style(true, false)).render(TerminalGateTest.LOCK).contains("\u001b[1;31m"));
    }
}
