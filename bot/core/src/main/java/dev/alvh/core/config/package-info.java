/**
 * Configuration values: immutable records with named, documented defaults and one
 * {@code DEFAULTS} instance each; every check names the full configuration key.
 */
package dev.alvh.core.config;
