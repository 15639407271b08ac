package org.oversight.api.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.oversight.analytics.render.ReportRenderer;
import org.oversight.analytics.report.EcologyReport;
import org.oversight.analytics.report.EcologyReports;
import org.oversight.api.security.Account;
import org.oversight.api.security.AccountService;
import org.oversight.core.common.Scope;

/**
 * Serves a rendered report to whoever holds a valid link: the link's user must still be
 * enabled and the report still inside their scope (and not about them) when downloading.
 */
@RestController
class ReportDownloadController {

	private final DownloadLinks links;

	private final EcologyReports reports;

	private final ReportRenderer renderer;

	private final AccountService accounts;

	ReportDownloadController(DownloadLinks links, EcologyReports reports, ReportRenderer renderer,
			AccountService accounts) {
		this.links = links;
		this.reports = reports;
		this.renderer = renderer;
		this.accounts = accounts;
	}

	@GetMapping("/reports/download/{token}")
	ResponseEntity<byte[]> download(@PathVariable String token) {
		var grant = this.links.verify(token).orElse(null);
		if (grant == null) {
			return ResponseEntity.status(403).build();
		}
		Account account = this.accounts.find(grant.username()).orElse(null);
		if (account == null || account.disabled()) {
			return ResponseEntity.status(403).build();
		}
		Scope scope = new Scope(account.scopeOrganizationId(), account.cadreId());
		EcologyReport report = this.reports.byId(grant.reportId()).orElse(null);
		if (report == null || !scope.contains(report.orgPath())) {
			return ResponseEntity.notFound().build();
		}
		var rendered = this.renderer.render(report, grant.format(), scope);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(rendered.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(rendered.titleFileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(rendered.content());
	}

}
