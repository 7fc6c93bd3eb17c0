package dev.sesh.script;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinuationTest {
    @ParameterizedTest
    @ValueSource(strings = {"x = [1,", "f(1,\n2", "def c = {", "if (a) {\n  b", "a +", "a &&", "board.", "x =",
            "s = '''abc", "s = \"\"\"x\ny", "/* comment", "c = { a ->", "cond ? 1 :", "a = 1 \\"})
    void unfinishedInputContinues(String src) { assertTrue(Continuation.incomplete(src), src); }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1", "i++", "i--", "f(1, 2)", "println 'a {'", "s = \"(\"", "a = 1 // (",
            "x = [1,\n2]", "s = '''a\nb'''", "a)", "/* c */ x", "'it\\'s'", "println \"don't\""})
    void finishedInputRuns(String src) { assertFalse(Continuation.incomplete(src), src); }
}
