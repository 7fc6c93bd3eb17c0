package dev.sesh.shell.command.i2c;

import dev.sesh.device.I2cAddress;
import picocli.CommandLine.ITypeConverter;

/**
 * picocli's converter for an ADDR argument ({@link I2cAddress#parse}: 0x08-0x77, or the 8-bit form
 * with a warning the command prints). Its {@code SeshException} reaches the user as it is.
 */
final class I2cAddressConverter implements ITypeConverter<I2cAddress> {
    @Override public I2cAddress convert(String text) { return I2cAddress.parse(text); }
}
