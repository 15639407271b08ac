package org.oversight.analytics.indicator;

/**
 * A dimension (维度) the indicators are grouped in.
 *
 * @param code stable code
 * @param name Chinese name, shown in reports
 * @param maxDeduction the most points of the total 100 this dimension can take away
 * (capped deduction); null for no cap
 */
public record Dimension(String code, String name, Double maxDeduction) {

}
