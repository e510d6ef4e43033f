/**
 * The strategy's configuration: immutable records with named, documented defaults and one
 * {@code DEFAULTS} instance each; every check names the full configuration key. Condor, hedge,
 * risk, schedule, market model and execution live here; the whole file is read into
 * {@code dev.alvh.app.config.BotConfig}, and each other group lives beside its user (broker
 * sessions in the adapters, operations in the app).
 */
package dev.alvh.core.config;
