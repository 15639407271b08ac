/**
 * Sign-in, tokens, accounts, lock-out, the audit trail.
 */
package org.oversight.api.security;
