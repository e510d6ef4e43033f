/**
 * The bot's whole configuration ({@link dev.alvh.app.config.BotConfig}, read from YAML by
 * {@link dev.alvh.app.config.ConfigLoader}) and the groups the app alone uses: broker choice and
 * address, alerts, console, health, live, logging, store and replay. The strategy's groups are in
 * {@code dev.alvh.core.config}, the paper broker's in {@code dev.alvh.paper.config} and the TWS
 * session's in {@code dev.alvh.ibkr.config}.
 */
package dev.alvh.app.config;
