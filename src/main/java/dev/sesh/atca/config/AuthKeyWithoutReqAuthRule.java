package dev.sesh.atca.config;

import java.util.ArrayList;
import java.util.List;

/** AuthKey set while ReqAuth is 0: the data sheet says AuthKey must then be 0 (atecc.md 5.3). */
final class AuthKeyWithoutReqAuthRule implements LintRule {
    @Override public String id() { return "authkey-without-reqauth"; }
    @Override public Severity severity() { return Severity.WARNING; }
    @Override public String summary() { return "AuthKey set although ReqAuth is 0"; }

    @Override public List<Finding> check(ConfigZone z) {
        List<Finding> out = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            KeyConfig k = z.keyConfig(n);
            if (!k.reqAuth() && k.authKey() != 0) {
                out.add(finding("slot " + n, "AuthKey", "slot " + n + " names AuthKey " + k.authKey() + " but ReqAuth is 0, so no authorisation is required",
                        "set slot " + n + " AuthKey to 0, or set ReqAuth if authorisation was meant"));
            }
        }
        return out;
    }
}
