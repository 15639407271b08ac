package org.oversight.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/schema.md} is generated from the served schema files. This test fails when
 * it is stale;
 * {@code ./mvnw -pl docs test -Dtest=SchemaReferenceTests -Ddocs.update=true} writes it
 * anew.
 */
class SchemaReferenceTests {

	static final Path PAGE = Path.of("schema.md");

	@Test
	void theSchemaReferenceIsCurrent() throws IOException {
		String generated = render(schema());
		if (Boolean.getBoolean("docs.update")) {
			Files.writeString(PAGE, generated, StandardCharsets.UTF_8);
		}
		String checkedIn = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
		assertThat(checkedIn)
			.as("docs/schema.md is stale: run ./mvnw -pl docs test -Dtest=SchemaReferenceTests "
					+ "-Ddocs.update=true and commit it")
			.isEqualTo(generated);
	}

	static GraphQLSchema schema() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
		assertThat(files).isNotEmpty();
		for (Resource file : files) {
			registry.merge(new SchemaParser().parse(file.getContentAsString(StandardCharsets.UTF_8)));
		}
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		for (String scalar : List.of("Date", "DateTime", "Decimal")) {
			wiring.scalar(GraphQLScalarType.newScalar().name(scalar).coercing(new graphql.schema.Coercing<>() {
			}).build());
		}
		return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
	}

	static String render(GraphQLSchema schema) {
		StringBuilder page = new StringBuilder();
		page.append("# Schema reference\n\n");
		page.append("Generated from the served schema by `SchemaReferenceTests`; do not edit by hand.\n");
		page.append("Every operation is listed under Query, Mutation and Subscription; every type follows, ");
		page.append("by name.\n");
		List<GraphQLNamedType> types = schema.getAllTypesAsList()
			.stream()
			.filter((t) -> !t.getName().startsWith("__"))
			.filter((t) -> !List.of("String", "Int", "Float", "Boolean", "ID").contains(t.getName()))
			.sorted(Comparator.comparing((GraphQLNamedType t) -> rank(t.getName()))
				.thenComparing(GraphQLNamedType::getName))
			.toList();
		for (GraphQLNamedType type : types) {
			page.append("\n## ").append(type.getName()).append("\n\n");
			if (type.getDescription() != null) {
				page.append(oneLine(type.getDescription())).append("\n\n");
			}
			if (type instanceof GraphQLObjectType object) {
				page.append("| field | type | description |\n| --- | --- | --- |\n");
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					String arguments = field.getArguments().isEmpty()
							? "" : "("
									+ String.join(", ",
											field.getArguments().stream().map(SchemaReferenceTests::argument).toList())
									+ ")";
					page.append("| `")
						.append(field.getName())
						.append(arguments)
						.append("` | `")
						.append(GraphQLTypeUtil.simplePrint(field.getType()))
						.append("` | ")
						.append(cell(field.getDescription()))
						.append(" |\n");
				}
			}
			else if (type instanceof GraphQLInputObjectType input) {
				page.append("| input field | type | description |\n| --- | --- | --- |\n");
				input.getFieldDefinitions()
					.forEach((field) -> page.append("| `")
						.append(field.getName())
						.append("` | `")
						.append(GraphQLTypeUtil.simplePrint(field.getType()))
						.append("` | ")
						.append(cell(field.getDescription()))
						.append(" |\n"));
			}
			else if (type instanceof GraphQLEnumType enumeration) {
				page.append("| value | meaning |\n| --- | --- |\n");
				enumeration.getValues()
					.forEach((value) -> page.append("| `")
						.append(value.getName())
						.append("` | ")
						.append(cell(value.getDescription()))
						.append(" |\n"));
			}
		}
		return page.toString();
	}

	private static String argument(GraphQLArgument argument) {
		return argument.getName() + ": " + GraphQLTypeUtil.simplePrint(argument.getType());
	}

	private static int rank(String name) {
		return switch (name) {
			case "Query" -> 0;
			case "Mutation" -> 1;
			case "Subscription" -> 2;
			default -> 3;
		};
	}

	private static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\\n\\s*", " ");
	}

	private static String cell(String text) {
		return (text != null) ? oneLine(text).replace("|", "\\|") : "";
	}

}
