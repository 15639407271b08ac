package org.oversight.scheduler.report;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.oversight.core.common.Today;
import org.oversight.core.demo.DemoProvinceLoaded;
import org.oversight.scheduler.SchedulerJobs;

/**
 * Once the demo province is loaded, computes the reports of its past years and checks the
 * talk obligations, each as a recorded run, so a new installation shows them at once (the
 * start-up catch-up may have run before the demo data was there).
 */
@Component
class DemoReports {

	private static final Logger logger = LoggerFactory.getLogger(DemoReports.class);

	static final int YEARS = 3;

	private final SchedulerJobs jobs;

	private final Today today;

	DemoReports(SchedulerJobs jobs, Today today) {
		this.jobs = jobs;
		this.today = today;
	}

	@EventListener
	void demoLoaded(DemoProvinceLoaded event) {
		LocalDate day = this.today.date();
		for (int year = day.getYear() - YEARS; year <= day.getYear(); year++) {
			var run = this.jobs.generateEcologyReports(year, null);
			logger.info("Demo reports of {}: {} ({})", year, run.state(), run.message());
		}
		this.jobs.checkTalkObligations();
	}

}
