package org.oversight.core.test;

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

/**
 * An integration test against the database of {@link TestDatabase}: the embedded server
 * always, MongoDB 8 in a container too when Docker is there. Collections are emptied
 * before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("mongo")
@ExtendWith(DatabaseVariant.class)
@ExtendWith(CleanDatabase.class)
@SpringBootTest(properties = { "oversight.demo-loader.enabled=false", "oversight.scheduler.enabled=false" })
@Import(TestDatabase.class)
public @interface MongoIntegrationTest {

}
