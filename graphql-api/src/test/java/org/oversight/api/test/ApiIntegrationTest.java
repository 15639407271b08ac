package org.oversight.api.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import org.oversight.core.test.CleanDatabase;
import org.oversight.core.test.DatabaseVariant;
import org.oversight.core.test.TestDatabase;

/**
 * An integration test against the running server on a random port, with the test database
 * of {@link TestDatabase}, emptied before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("mongo")
@ExtendWith(DatabaseVariant.class)
@ExtendWith(CleanDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "oversight.demo-loader.enabled=false", "oversight.scheduler.enabled=false",
				"oversight.security.admin-password=" + ApiTestSupport.ADMIN_PASSWORD })
@Import(TestDatabase.class)
public @interface ApiIntegrationTest {

}
