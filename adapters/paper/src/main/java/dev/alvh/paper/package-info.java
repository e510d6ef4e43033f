/** Package dev.alvh.paper. */
package dev.alvh.paper;
