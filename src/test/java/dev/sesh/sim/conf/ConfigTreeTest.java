package dev.sesh.sim.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfigTreeTest {
    final ConfigSchema schema = ConfigSchema.builder()
            .group("m", g -> g.d("ratio", 0.5).i("n", 7))
            .s("name", "x")
            .build();
    final ConfigTree tree = ConfigTree.defaults(schema);

    void apply(String json) throws Exception { tree.apply("", ConfigJson.parse(json), "*"); }

    @Test void floatsPrintWithSixDecimals() throws Exception {
        assertEquals("{\"m\":{\"ratio\":0.500000,\"n\":7},\"name\":\"x\"}", tree.compact("", s -> '"' + s + '"'));
        apply("{\"m\":{\"ratio\":0x10}}");
        assertEquals("16.000000", tree.compact("m.ratio", s -> s));
        apply("{\"m\":{\"ratio\":-1.25e1}}");
        assertEquals("-12.500000", tree.compact("m.ratio", s -> s));
    }

    @Test void intKeysRefuseFractionsAndValuesBeyond32Bits() {
        ConfigError frac = assertThrows(ConfigError.class, () -> apply("{\"m\":{\"n\":1.5}}"));
        assertEquals("[m.n] failed to parse [1.5]", frac.getMessage());
        ConfigError big = assertThrows(ConfigError.class, () -> apply("{\"m\":{\"n\":4294967296}}"));
        assertEquals("[m.n] failed to parse [4294967296]", big.getMessage());
    }

    @Test void aGroupGivenAScalarIsNotAnObject() {
        ConfigError e = assertThrows(ConfigError.class, () -> apply("{\"m\":3}"));
        assertEquals("[m] is not an object", e.getMessage());
    }

    @Test void laterDuplicateKeyWinsAndNullUnsetsAString() throws Exception {
        apply("{\"m\":{\"n\":1,\"n\":2},\"name\":null}");
        assertEquals(2, tree.integer("m.n"));
        assertEquals("", tree.string("name"));
    }

    @Test void prettyDiffOfNothingIsAnEmptyObject() {
        assertEquals("{}", tree.prettyDiff(ConfigTree.defaults(schema), s -> '"' + s + '"'));
    }
}
