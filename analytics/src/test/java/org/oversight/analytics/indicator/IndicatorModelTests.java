package org.oversight.analytics.indicator;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

import org.oversight.core.organization.OrgKind;
import org.oversight.core.talk.TalkKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IndicatorModelTests {

	@Test
	void theShippedModelCoversEveryMeasureWithWeightsAddingUpTo100() {
		IndicatorModel model = IndicatorModelLoader.defaults();
		assertThat(model.indicators()).extracting(Indicator::measure).containsExactlyInAnyOrder(Measure.values());
		assertThat(model.indicators().stream().mapToDouble(Indicator::weight).sum()).isEqualTo(100.0);
		assertThat(model.dimensions()).extracting(Dimension::name)
			.containsExactly("问题态势", "一把手监督", "整改落实", "班子建设", "执纪问责");
		assertThat(model.meetingKinds()).containsExactlyInAnyOrder(OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_GROUP,
				OrgKind.TOWNSHIP);
		assertThat(model.band(Grade.RED).followUps())
			.extracting(GradeBand.FollowUpRule::code, GradeBand.FollowUpRule::talkKind)
			.contains(org.assertj.core.groups.Tuple.tuple("REMINDER_TALK", TalkKind.REMINDER));
		assertThat(model.risk().longTenure().years()).isEqualTo(5);
	}

	@Test
	void gradesAreSortedFromGreenDown() {
		IndicatorModel model = IndicatorModelLoader.defaults();
		assertThat(model.grades()).extracting(GradeBand::grade).containsExactly(Grade.values());
		assertThat(model.bandOf(85).grade()).isEqualTo(Grade.GREEN);
		assertThat(model.bandOf(84.9).grade()).isEqualTo(Grade.YELLOW);
		assertThat(model.bandOf(75).grade()).isEqualTo(Grade.YELLOW);
		assertThat(model.bandOf(74.9).grade()).isEqualTo(Grade.ORANGE);
		assertThat(model.bandOf(60).grade()).isEqualTo(Grade.ORANGE);
		assertThat(model.bandOf(59.9).grade()).isEqualTo(Grade.RED);
		assertThat(model.bandOf(0).grade()).isEqualTo(Grade.RED);
	}

	@Test
	void aUserFileReplacesTheShippedModel() {
		IndicatorModel model = load(TestModels.MINIMAL_YAML);
		assertThat(model.indicators()).extracting(Indicator::code).containsExactly("A", "B");
		assertThat(model.dimension("D1").maxDeduction()).isEqualTo(30.0);
	}

	@Test
	void aScaleAgainstItsDirectionIsRefused() {
		String yaml = TestModels.MINIMAL_YAML.replace("direction: LOWER_IS_BETTER", "direction: HIGHER_IS_BETTER");
		assertThatIllegalStateException().isThrownBy(() -> load(yaml))
			.withMessageContaining("Indicator B")
			.withMessageContaining("direction");
	}

	@Test
	void anUnknownDimensionIsRefused() {
		String yaml = TestModels.MINIMAL_YAML.replace("dimension: D2", "dimension: NOPE");
		assertThatIllegalStateException().isThrownBy(() -> load(yaml)).withMessageContaining("unknown dimension NOPE");
	}

	@Test
	void aMissingGradeIsRefused() {
		String yaml = TestModels.MINIMAL_YAML.replace("  - {grade: ORANGE, min-score: 40, label: 橙}\n", "");
		assertThatIllegalStateException().isThrownBy(() -> load(yaml)).withMessageContaining("one band per grade");
	}

	@Test
	void aMissingFileSaysWhere() {
		assertThatIllegalStateException()
			.isThrownBy(() -> IndicatorModelLoader.load("classpath:nowhere.yml", new DefaultResourceLoader()))
			.withMessageContaining("classpath:nowhere.yml");
	}

	static IndicatorModel load(String yaml) {
		Resource resource = new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test model");
		return IndicatorModelLoader.load("test", new DefaultResourceLoader() {
			@Override
			public Resource getResource(String location) {
				return resource;
			}
		});
	}

}
