package org.oversight.api.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
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
 * The served schema (every {@code graphql/*.graphqls}) holds everything of the contract
 * (a copy kept in {@code src/test/resources/contract/}) with the same names and types.
 */
class ContractTests {

	@Test
	void theServedSchemaContainsTheWholeContract() throws IOException {
		GraphQLSchema contract = schema("classpath:contract/oversight.graphqls");
		GraphQLSchema served = schema("classpath*:graphql/*.graphqls");
		List<String> missing = new ArrayList<>();
		for (GraphQLNamedType type : contract.getAllTypesAsList()) {

			if (type.getName().startsWith("__")) {
				continue;
			}
			GraphQLNamedType actual = (GraphQLNamedType) served.getType(type.getName());
			if (actual == null) {
				missing.add("type " + type.getName());
				continue;
			}
			if (type instanceof GraphQLObjectType object) {
				for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
					GraphQLFieldDefinition other = ((GraphQLObjectType) actual).getFieldDefinition(field.getName());
					if (other == null) {
						missing.add(type.getName() + "." + field.getName());
						continue;
					}
					same(missing, type.getName() + "." + field.getName(), field.getType(), other.getType());
					for (GraphQLArgument argument : field.getArguments()) {
						GraphQLArgument given = other.getArgument(argument.getName());
						if (given == null) {
							missing.add(type.getName() + "." + field.getName() + "(" + argument.getName() + ")");
						}
						else {
							same(missing, type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
									argument.getType(), given.getType());
						}
					}
				}
			}
			if (type instanceof GraphQLInputObjectType input) {
				for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
					GraphQLInputObjectField other = ((GraphQLInputObjectType) actual)
						.getFieldDefinition(field.getName());
					if (other == null) {
						missing.add(type.getName() + "." + field.getName());
					}
					else {
						same(missing, type.getName() + "." + field.getName(), field.getType(), other.getType());
					}
				}
			}
			if (type instanceof GraphQLEnumType enumeration) {
				for (var value : enumeration.getValues()) {
					if (((GraphQLEnumType) actual).getValue(value.getName()) == null) {
						missing.add(type.getName() + "." + value.getName());
					}
				}
			}
		}
		assertThat(missing).as("contract items the served schema lacks or types differently").isEmpty();
	}

	@Test
	void everyServedEnumValueAndFieldIsDescribed() throws IOException {
		GraphQLSchema served = schema("classpath*:graphql/*.graphqls");
		List<String> undescribed = new ArrayList<>();
		for (GraphQLNamedType type : served.getAllTypesAsList()) {
			if (type.getName().startsWith("__")
					|| List.of("String", "Int", "Float", "Boolean", "ID").contains(type.getName())) {
				continue;
			}
			if (type.getDescription() == null || type.getDescription().isBlank()) {
				undescribed.add(type.getName());
			}
			if (type instanceof GraphQLObjectType object) {
				object.getFieldDefinitions()
					.stream()
					.filter((f) -> f.getDescription() == null || f.getDescription().isBlank())
					.forEach((f) -> undescribed.add(type.getName() + "." + f.getName()));
			}
			if (type instanceof GraphQLEnumType enumeration) {
				enumeration.getValues()
					.stream()
					.filter((v) -> v.getDescription() == null || !v.getDescription().matches(".*\\p{IsHan}.*"))
					.forEach((v) -> undescribed.add(type.getName() + "." + v.getName() + " (no Chinese label)"));
			}
		}
		assertThat(undescribed).isEmpty();
	}

	private static void same(List<String> missing, String where, graphql.schema.GraphQLType expected,
			graphql.schema.GraphQLType actual) {
		String a = GraphQLTypeUtil.simplePrint(expected);
		String b = GraphQLTypeUtil.simplePrint(actual);
		if (!a.equals(b)) {
			missing.add(where + ": " + a + " but served " + b);
		}
	}

	static GraphQLSchema schema(String pattern) throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
			registry.merge(new SchemaParser().parse(resource.getContentAsString(StandardCharsets.UTF_8)));
		}
		RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
		for (String scalar : List.of("Date", "DateTime", "Decimal")) {
			wiring.scalar(graphql.schema.GraphQLScalarType.newScalar()
				.name(scalar)
				.coercing(new graphql.schema.Coercing<Object, Object>() {
				})
				.build());
		}
		return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
	}

}
