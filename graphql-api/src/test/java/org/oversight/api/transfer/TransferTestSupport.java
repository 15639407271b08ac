package org.oversight.api.transfer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import org.oversight.api.test.ApiTestSupport;

/** Uploads and downloads through the running server. */
abstract class TransferTestSupport extends ApiTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The response of an import: its status and result. */
	record Upload(HttpStatus status, ImportResult result) {
	}

	Upload upload(String username, String password, String kind, String mode, String fileName, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		var result = client().post()
			.uri("/transfer/import/" + kind + ((mode != null) ? "?mode=" + mode : ""))
			.headers((headers) -> headers.setBasicAuth(username, password))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
		HttpStatus status = HttpStatus.valueOf(result.getStatus().value());
		if (status != HttpStatus.OK && status != HttpStatus.UNPROCESSABLE_CONTENT) {
			return new Upload(status, null);
		}
		return new Upload(status, JSON.readValue(result.getResponseBody(), ImportResult.class));
	}

	Upload adminUpload(String kind, String mode, String fileName, byte[] content) {
		return upload("admin", ADMIN_PASSWORD, kind, mode, fileName, content);
	}

	byte[] download(String username, String password, String path) {
		return client().get()
			.uri(path)
			.headers((headers) -> headers.setBasicAuth(username, password))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
	}

	byte[] adminDownload(String path) {
		return download("admin", ADMIN_PASSWORD, path);
	}

}
