package dev.sesh.atca;

import dev.sesh.atca.config.KeyConfig;
import dev.sesh.atca.config.SlotConfig;

/**
 * One data slot as {@code atca slots} lists it (ux-examples "Inspect slots"); also
 * {@code atca.slots()[n]} in scripts.
 *
 * @param index       slot number 0-15
 * @param size        bytes (36, 416 or 72)
 * @param kind        "P256 ECC", "data", "AES", ...
 * @param isPrivate   holds an ECC private key
 * @param secret      IsSecret
 * @param read        who may read, in words ("never", "always (clear)", "encrypted, key 4")
 * @param write       who may write, in words ("encrypted, key 4 (PrivWrite)")
 * @param lock        "locked" or "-"
 * @param slotConfig  the decoded SlotConfig
 * @param keyConfig   the decoded KeyConfig
 */
public record SlotInfo(int index, int size, String kind, boolean isPrivate, boolean secret, String read, String write,
                       String lock, SlotConfig slotConfig, KeyConfig keyConfig) {}
