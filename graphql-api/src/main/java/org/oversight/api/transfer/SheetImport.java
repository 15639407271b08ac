package org.oversight.api.transfer;

import java.util.List;

import org.oversight.core.cadre.CadreService;
import org.oversight.core.common.DomainException;
import org.oversight.core.finding.FindingService;
import org.oversight.core.lookup.LookupLists;
import org.oversight.core.organization.OrganizationService;
import org.oversight.core.rectification.RectificationService;
import org.oversight.core.talk.TalkService;

/**
 * The import of one sheet: first {@link #validate} every row (recording each reason, and
 * planning what the good rows will write), then, unless the import stops there,
 * {@link #write} the plan through the domain services.
 */
abstract class SheetImport {

	/** The services the sheets write through. */
	record Services(OrganizationService organizations, CadreService cadres, TalkService talks, FindingService findings,
			RectificationService rectifications, LookupLists lookups) {
	}

	final TransferKind kind;

	final Services services;

	SheetImport(TransferKind kind, Services services) {
		this.kind = kind;
		this.services = services;
	}

	abstract void validate(List<Row> rows, ImportContext context);

	abstract void write(ImportContext context);

	/**
	 * Called once every sheet of the file was written: for what must come after the other
	 * sheets' records (an organization's dissolution after its posts and tasks).
	 */
	void finish(ImportContext context) {
	}

	/** How many rows the plan creates a record for. */
	abstract int plannedCreates();

	/** How many rows the plan completes a stored record with. */
	int plannedUpdates() {
		return 0;
	}

	Cells cells(Row row, ImportContext context) {
		return new Cells(row, this.kind.columns(), context);
	}

	/** Records a write the domain refused for the row. */
	void failed(Row row, ImportContext context, DomainException ex) {
		int column = -1;
		String field = (ex instanceof DomainException.Invalid invalid) ? invalid.field()
				: (ex instanceof DomainException.NotFound notFound) ? notFound.field() : null;
		if (field != null) {
			List<Column> columns = this.kind.columns();
			for (int i = 0; i < columns.size(); i++) {
				if (field.startsWith(columns.get(i).name().replace("Code", "").replace("Codes", ""))) {
					column = i;
					break;
				}
			}
		}
		new Cells(row, this.kind.columns(), context).reject(column, ImportContext.refusedByDomain(ex));
	}

}
