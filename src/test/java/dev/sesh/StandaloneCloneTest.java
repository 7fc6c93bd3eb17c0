package dev.sesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository stands alone: nothing the build, the tests or the scripts run reads a
 * folder beside the clone. Everything they need is inside (src/test/resources/reference,
 * scripts/examples/configs).
 */
class StandaloneCloneTest {
    /** The folder beside the clone that held the project's reference material while it was written. */
    private static final String SIBLING = ".." + "/" + "shared";

    @Test
    void noBuildTestOrScriptFileReadsAFolderBesideTheClone() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path root : List.of(Path.of("src"), Path.of("scripts"), Path.of(".ci"), Path.of("pom.xml"),
                Path.of(".mvn"), Path.of("mvnw"))) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    if (text.contains(SIBLING) || text.contains("/work/" + "shared")) hits.add(f.toString());
                }
            }
        }
        assertEquals(List.of(), hits, "files that read outside the repository");
    }

    @Test
    void theReferenceDataTheTestsReadIsInTheRepository() {
        Path ref = Path.of("src/test/resources/reference");
        for (String name : List.of("atecc-vectors.json", "mos-captures/captures.jsonl", "atca-aws-test.hex",
                "atca-aws-test.yaml")) {
            assertTrue(Files.isRegularFile(ref.resolve(name)), "missing test resource " + name);
        }
    }

    @Test
    void theUserSamplesTheDocsNameAreInTheRepository() {
        for (String name : List.of("atca-aws-test.yaml", "atca-aws-test-608a.yaml")) {
            assertTrue(Files.isRegularFile(Path.of("scripts/examples/configs", name)), "missing sample " + name);
        }
    }
}
