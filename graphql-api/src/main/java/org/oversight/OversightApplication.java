package org.oversight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import org.oversight.api.transfer.ImportCommand;

@SpringBootApplication
public class OversightApplication {

	public static void main(String[] args) {
		if (ImportCommand.requested(args)) {
			// a one-off import from the command line: run it, then exit with its code
			System.exit(SpringApplication
				.exit(SpringApplication.run(OversightApplication.class, ImportCommand.arguments(args))));
		}
		SpringApplication.run(OversightApplication.class, args);
	}

}
