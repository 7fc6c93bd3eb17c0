/**
 * sesh as one named module (docs/decisions.md, "Scripts cannot reach the link: JPMS strong
 * encapsulation"). Groovy code (console lines, {@code -c}, {@code run FILE}) is compiled into the
 * unnamed module of its own class loader. Dynamic Groovy ignores {@code private}, so the boundary
 * that holds is the module's: a script reaches only the public members of public types in the
 * packages exported below, and deep reflection (private fields and methods, {@code obj.@field},
 * {@code setAccessible}, {@code privateLookupIn}) into any package of this module fails because
 * nothing is opened to it. The link ({@code rpc}, {@code rpc.frame}, {@code rpc.transport}), the
 * simulator, the shell and the composition root are not exported at all.
 */
module dev.sesh {
    // JDK modules sesh uses; java.desktop carries java.beans, which Groovy's metaclasses need
    // (Groovy is an automatic module and declares no requirements of its own).
    requires java.desktop;
    requires java.logging;
    requires java.net.http;

    // Types of these appear in exported signatures (Script and Binding, JsonNode, X500Name...).
    requires transitive org.apache.groovy;
    requires org.jline.reader;
    requires org.jline.terminal;
    // JLine finds its JNI terminal by a resource name, not as a service, so nothing would resolve
    // it: required here so that it is in the boot layer of the run-time image too (on the module
    // path every automatic module came along with Groovy). Without it JLine runs stty processes.
    requires org.jline.terminal.jni;
    requires info.picocli;
    requires com.fazecast.jSerialComm;
    requires transitive com.fasterxml.jackson.databind;
    requires org.yaml.snakeyaml;
    requires transitive org.bouncycastle.provider;
    requires transitive org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.bouncycastle.tls;

    // What a script may hold: the bound objects (board, i2c, fs, config, atca, x509, boards), the
    // values they return, and the script base class with its binding.
    exports dev.sesh;
    exports dev.sesh.bytes;
    exports dev.sesh.plan;
    exports dev.sesh.device;
    exports dev.sesh.atca;
    exports dev.sesh.atca.config;
    exports dev.sesh.atca.packet;
    exports dev.sesh.atca.command;
    exports dev.sesh.x509;
    exports dev.sesh.script;

    // picocli sets the annotated option and parameter fields of the command classes.
    opens dev.sesh.cli to info.picocli;
    opens dev.sesh.shell.command to info.picocli;
    opens dev.sesh.shell.command.atca to info.picocli;
    opens dev.sesh.shell.command.aws to info.picocli;
    opens dev.sesh.shell.command.config to info.picocli;
    opens dev.sesh.shell.command.fs to info.picocli;
    opens dev.sesh.shell.command.i2c to info.picocli;
    opens dev.sesh.shell.command.x509 to info.picocli;
    // Completion-candidate classes named in @Option(completionCandidates = ...); picocli creates them.
    opens dev.sesh.shell.complete to info.picocli;
}
