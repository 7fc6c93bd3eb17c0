package dev.sesh.atca;

/** A chip operation as a user thinks of it; names what was refused in a {@link ChipStatusException}. */
public enum ChipOp {
    READ_CONFIG("the config read"),
    WRITE_CONFIG("the config write"),
    LOCK_CONFIG("the config lock"),
    LOCK_DATA("the data lock"),
    LOCK_SLOT("the slot lock"),
    READ("the read"),
    WRITE("the write"),
    PRIV_WRITE("the private key write"),
    GEN_KEY("GenKey"),
    PUBLIC_KEY("the public key request"),
    SIGN("the signature"),
    MAC("the MAC"),
    VERIFY("the verification"),
    RANDOM("Random"),
    INFO("Info"),
    RAW("the command");

    private final String noun;

    ChipOp(String noun) { this.noun = noun; }

    /** E.g. "the write", for "slot 0 refused the write". */
    public String noun() { return noun; }
}
