package dev.sesh.sim.conf;

/**
 * The value types of the Mongoose OS config schema (mos-captures README section 3). Values are held
 * as {@link Long} (INT), {@link Boolean} (BOOL), {@link Double} (DOUBLE) and {@link String} (STRING;
 * one char per byte, ISO-8859-1, because the firmware stores raw bytes: <code>&#92;u00e9</code> becomes the
 * single byte 0xE9).
 */
public enum ConfigType {
    INT, BOOL, DOUBLE, STRING
}
