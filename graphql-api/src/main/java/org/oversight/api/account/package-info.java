/**
 * Accounts through GraphQL: the signed-in one, their administration, the audit log.
 */
package org.oversight.api.account;
