package dev.sesh.x509;

import dev.sesh.SeshException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Distinguished names and subject alternative names as users type them: openssl's
 * {@code /C=IE/L=Dublin/O=ACME Ltd/OU=Testing/CN=test.acme.com} (the AWS guide's form) or RFC 4514's
 * {@code CN=test.acme.com,O=ACME Ltd}; SANs as {@code DNS:localhost,IP:127.0.0.1}. Attributes keep
 * the order they were typed in. Errors are usage errors (exit 2).
 */
public final class Names {
    private Names() {}

    /** The X.500 name of {@code dn}. */
    public static X500Name subject(String dn) {
        String t = dn.strip();
        if (t.isEmpty()) throw SeshException.badArg("the subject is empty", "e.g. --subject /CN=test.acme.com or --subject CN=test.acme.com,O=ACME Ltd");
        try {
            if (!t.startsWith("/")) return new X500Name(BCStyle.INSTANCE, t);
            X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
            for (String part : splitSlashes(t.substring(1))) {
                int eq = part.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException("no '=' in " + part);
                ASN1ObjectIdentifier oid = BCStyle.INSTANCE.attrNameToOID(part.substring(0, eq).strip());
                b.addRDN(oid, part.substring(eq + 1));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw SeshException.badArg("cannot read the subject '" + dn + "' (" + e.getMessage() + ")",
                    "write it as /C=IE/O=ACME Ltd/CN=test.acme.com or CN=test.acme.com,O=ACME Ltd");
        }
    }

    // openssl's form: '/' separates attributes, '\/' is a slash inside a value.
    private static List<String> splitSlashes(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) cur.append(s.charAt(++i));
            else if (c == '/') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        out.removeIf(String::isBlank);
        return out;
    }

    /** {@code DNS:name} and {@code IP:address} entries separated by commas (IP addresses are literal v4 or v6, never looked up). */
    public static GeneralNames subjectAltNames(String spec) {
        List<GeneralName> names = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String item = raw.strip();
            if (item.isEmpty()) continue;
            int colon = item.indexOf(':');
            String kind = colon < 0 ? "" : item.substring(0, colon).strip().toUpperCase(Locale.ROOT);
            String value = colon < 0 ? "" : item.substring(colon + 1).strip();
            if (kind.equals("DNS") && value.matches("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
                names.add(new GeneralName(GeneralName.dNSName, value));
            } else if (kind.equals("IP") && IPAddress.isValid(value)) {
                names.add(new GeneralName(GeneralName.iPAddress, value));
            } else {
                throw SeshException.badArg("cannot read the alternative name '" + item + "'",
                        "write DNS:host.name or IP:127.0.0.1, separated by commas, e.g. --san DNS:localhost,IP:127.0.0.1");
            }
        }
        if (names.isEmpty()) throw SeshException.badArg("--san names nothing", "e.g. --san DNS:localhost,IP:127.0.0.1");
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
