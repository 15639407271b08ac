package org.oversight.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The core module on its own, for its integration tests. */
@SpringBootApplication
public class CoreTestApplication {

}
