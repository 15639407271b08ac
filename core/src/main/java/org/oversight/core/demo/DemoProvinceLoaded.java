package org.oversight.core.demo;

/**
 * Published once the demo province is in the database, so other modules can derive what
 * they compute from it (the reports of past years, the talk obligations).
 *
 * @param summary what was loaded
 */
public record DemoProvinceLoaded(DemoProvince.Summary summary) {
}
