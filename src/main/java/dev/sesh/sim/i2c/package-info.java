/**
 * The simulated I2C bus (reference/mos-rpc.md 4.5): {@link dev.sesh.sim.i2c.I2cBusModel} runs
 * whole transactions against attached {@link dev.sesh.sim.i2c.I2cTarget}s with wire time on the
 * injected clock; {@link dev.sesh.sim.i2c.Eeprom24C02} and {@link dev.sesh.sim.i2c.Lm75} are simple
 * targets, the ATECC model ({@code sim.chip}) is another; {@link dev.sesh.sim.i2c.I2cBusPort} lets
 * the chip driver ({@code atca.driver}) use a bus the way the firmware's HAL does. Modelling
 * choices are in docs/decisions.md, I2C part.
 */
package dev.sesh.sim.i2c;
