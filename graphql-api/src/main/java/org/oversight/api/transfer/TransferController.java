package org.oversight.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.oversight.api.viewer.Viewer;
import org.oversight.api.viewer.Viewers;
import org.oversight.core.common.DomainException;

/**
 * Bulk transfer over HTTP, for signed-in accounts only (the security chain requires
 * credentials for every path it does not name):
 * <ul>
 * <li>{@code POST /transfer/import/{kind}}: multipart field {@code file} (.xlsx or CSV),
 * {@code ?mode=all-or-nothing|valid-only|check}; the caller's role and scope apply to
 * every row. 200 with the result when the file was imported (or checked), 422 with the
 * result when it was refused as a whole, 403 when the role may not import the kind.</li>
 * <li>{@code GET /transfer/templates/{kind}.xlsx}: the empty template.</li>
 * <li>{@code GET /transfer/export/{kind}.xlsx?under=…&status=…}: the list, scope
 * applied.</li>
 * </ul>
 */
@RestController
@RequestMapping("/transfer")
class TransferController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Importer importer;

	private final Exporter exporter;

	private final Templates templates;

	private final Viewers viewers;

	TransferController(Importer importer, Exporter exporter, Templates templates, Viewers viewers) {
		this.importer = importer;
		this.exporter = exporter;
		this.templates = templates;
		this.viewers = viewers;
	}

	@PostMapping(path = "/import/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportResult> importFile(@PathVariable String kind,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "mode", required = false) String mode) throws IOException {
		TransferKind transferKind = kind(kind);
		ImportMode importMode;
		try {
			importMode = ImportMode.parse(mode);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("mode", "must be all-or-nothing, valid-only or check");
		}
		if (file == null || file.isEmpty()) {
			throw DomainException.invalid("file", "is required: a multipart field 'file' holding an .xlsx or CSV");
		}
		Viewer viewer = this.viewers.current();
		ImportResult result;
		try (InputStream content = file.getInputStream()) {
			result = this.importer.importFile(transferKind, content,
					ImportFormat.fromFileName(file.getOriginalFilename()), viewer, importMode);
		}
		return ResponseEntity.status(result.refused() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(result);
	}

	@GetMapping("/templates/{kind}.xlsx")
	void template(@PathVariable String kind, HttpServletResponse response) throws IOException {
		TransferKind transferKind = kind(kind);
		attachment(response, "导入模板-" + transferKind.sheetName() + ".xlsx");
		this.templates.write(transferKind, response.getOutputStream());
	}

	@GetMapping("/export/{kind}.xlsx")
	void export(@PathVariable String kind, @RequestParam MultiValueMap<String, String> parameters,
			HttpServletResponse response) throws IOException {
		TransferKind transferKind = kind(kind);
		Map<String, List<String>> filters = new LinkedHashMap<>(parameters);
		Exporter.Export export = this.exporter.prepare(transferKind, filters, this.viewers.current());
		attachment(response, "导出-" + transferKind.sheetName() + ".xlsx");
		export.writeTo(response.getOutputStream());
	}

	private static void attachment(HttpServletResponse response, String fileName) {
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static TransferKind kind(String value) {
		TransferKind kind = TransferKind.parse(value);
		if (kind == null) {
			throw DomainException.invalid("kind",
					"must be organizations, cadres, appointments, talks, findings, rectifications or roster");
		}
		return kind;
	}

	@ExceptionHandler(DomainException.Forbidden.class)
	ResponseEntity<Map<String, String>> forbidden(DomainException.Forbidden ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", "FORBIDDEN", "message", ex.getMessage(), "messageZh", "您的角色无权执行此操作"));
	}

	@ExceptionHandler({ DomainException.Invalid.class, DomainException.NotFound.class })
	ResponseEntity<Map<String, String>> badRequest(DomainException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("error", "BAD_REQUEST", "message", ex.getMessage(), "messageZh", "请求参数有误：" + ex.getMessage()));
	}

}
