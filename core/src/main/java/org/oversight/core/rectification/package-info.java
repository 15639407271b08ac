/**
 * Rectification tasks (整改): their life cycle, the overdue sweep and its escalation steps.
 */
@NullMarked
package org.oversight.core.rectification;

import org.jspecify.annotations.NullMarked;
