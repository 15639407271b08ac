/**
 * Reports rendered as PDF and DOCX with charts and a shipped Chinese font.
 */
@NullMarked
package org.oversight.analytics.render;

import org.jspecify.annotations.NullMarked;
