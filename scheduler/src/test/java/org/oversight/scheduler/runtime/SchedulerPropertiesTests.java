package org.oversight.scheduler.runtime;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binding {@code oversight.scheduler.*}. */
class SchedulerPropertiesTests {

	@Test
	void defaults() {
		SchedulerProperties properties = bind(Map.of());
		assertThat(properties.enabled()).isTrue();
		assertThat(properties.overdueSweepCron()).isEqualTo("0 0 1 * * ?");
		assertThat(properties.talkObligationsCron()).isEqualTo("0 0 2 * * ?");
		assertThat(properties.ecologyReportsCron()).isEqualTo("0 0 3 15 1 ?");
		assertThat(properties.catchUpOnStart()).isTrue();
		assertThat(properties.reportWait()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.obligationLeadTime()).isEqualTo(Period.ofDays(30));
		assertThat(properties.zoneOr(ZoneId.of("Asia/Shanghai"))).isEqualTo(ZoneId.of("Asia/Shanghai"));
	}

	@Test
	void everythingIsConfigurable() {
		SchedulerProperties properties = bind(Map.of("oversight.scheduler.enabled", "false", "oversight.scheduler.zone",
				"UTC", "oversight.scheduler.overdue-sweep-cron", "0 30 0 * * ?", "oversight.scheduler.report-wait",
				"1s", "oversight.scheduler.obligation-lead-time", "14d"));
		assertThat(properties.enabled()).isFalse();
		assertThat(properties.zoneOr(ZoneId.of("Asia/Shanghai"))).isEqualTo(ZoneId.of("UTC"));
		assertThat(properties.overdueSweepCron()).isEqualTo("0 30 0 * * ?");
		assertThat(properties.reportWait()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.obligationLeadTime()).isEqualTo(Period.ofDays(14));
	}

	@Test
	void aCronThatIsNotQuartzsIsRefusedNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("oversight.scheduler.ecology-reports-cron", "0 3 15 1 *")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("oversight.scheduler.ecology-reports-cron is not a Quartz cron expression");
	}

	private static SchedulerProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("oversight.scheduler",
				SchedulerProperties.class);
	}

}
