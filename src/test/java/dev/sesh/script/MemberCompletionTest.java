package dev.sesh.script;

import dev.sesh.device.Board;
import dev.sesh.device.I2cBus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberCompletionTest {
    /** Shaped like atca: a getter returning a generic list of records. */
    public static final class Chip {
        public record Slot(int index, boolean isPrivate) {}

        public List<Slot> getSlots() { return List.of(new Slot(0, true)); }
    }

    @Test
    void followsGenericListElementsThroughIndexing() {
        List<String> after = MemberCompletion.complete("atca.slots[0].is", name -> java.util.Optional.of(new Chip()), List.of())
                .stream().map(Completion::value).toList();
        assertEquals(List.of("isPrivate", "isPrivate()"), after);
        List<String> prop = MemberCompletion.complete("atca.sl", name -> java.util.Optional.of(new Chip()), List.of())
                .stream().map(Completion::value).toList();
        assertEquals(List.of("slots"), prop);
    }

    @Test
    void deviceObjectsOfferTheirGatedMethodsButNotTheRawOnes() {
        List<String> board = MemberCompletion.members(Board.class).stream().map(Completion::value).toList();
        assertTrue(board.contains("info()"), board.toString());
        assertTrue(board.contains("call("), board.toString());
        assertFalse(board.contains("raw("), board.toString());
        List<String> i2c = MemberCompletion.members(I2cBus.class).stream().map(Completion::value).toList();
        assertTrue(i2c.contains("scan()") && i2c.contains("write("), i2c.toString());
        assertFalse(i2c.contains("rawWrite("), i2c.toString());
    }

    @Test
    void methodSignatureIsTheDescription() throws Exception {
        assertEquals("call(String, String) -> String", MemberCompletion.signature(Board.class.getMethod("call", String.class, String.class)));
    }

    @Test
    void trailingChainSkipsWhatComesBeforeTheExpression() {
        assertEquals("board.info().i", MemberCompletion.trailingChain("x = f(board.info().i"));
        assertEquals("list[0].na", MemberCompletion.trailingChain("println list[0].na"));
        assertEquals("in", MemberCompletion.word("board.in"));
    }
}
