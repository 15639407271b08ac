package org.oversight.api.transfer;

import java.util.List;
import java.util.Locale;

import org.oversight.api.viewer.Right;

/**
 * What can be imported and exported, each with its sheet name and the right an import of
 * it needs. {@link #ROSTER} is a workbook holding several of them, one sheet each.
 */
public enum TransferKind {

	ORGANIZATIONS("organizations", "组织", Right.MANAGE_ORGANIZATIONS, OrganizationSheet.COLUMNS),
	CADRES("cadres", "干部", Right.MANAGE_ORGANIZATIONS, CadreSheet.COLUMNS),
	APPOINTMENTS("appointments", "任职", Right.MANAGE_ORGANIZATIONS, AppointmentSheet.COLUMNS),
	TALKS("talks", "谈话", Right.RECORD_TALKS, TalkSheet.COLUMNS),
	FINDINGS("findings", "问题", Right.MANAGE_FINDINGS, FindingSheet.COLUMNS),
	RECTIFICATIONS("rectifications", "整改", Right.MANAGE_FINDINGS, RectificationSheet.COLUMNS),
	/** A workbook with any of the sheets above, imported in dependency order. */
	ROSTER("roster", "综合", null, List.of());

	/** The kinds a roster holds, in the order they are imported. */
	public static final List<TransferKind> SHEETS = List.of(ORGANIZATIONS, CADRES, APPOINTMENTS, TALKS, FINDINGS,
			RECTIFICATIONS);

	private final String value;

	private final String sheetName;

	private final Right right;

	private final List<Column> columns;

	TransferKind(String value, String sheetName, Right right, List<Column> columns) {
		this.value = value;
		this.sheetName = sheetName;
		this.right = right;
		this.columns = columns;
	}

	/** As it appears in URLs and on the command line: {@code organizations}. */
	public String value() {
		return this.value;
	}

	/** The sheet's name in workbooks: {@code 组织}. */
	public String sheetName() {
		return this.sheetName;
	}

	/** The right an import of this kind needs (null for {@link #ROSTER}). */
	Right right() {
		return this.right;
	}

	List<Column> columns() {
		return this.columns;
	}

	/** The kinds this one stands for: itself, or every sheet for a roster. */
	public List<TransferKind> sheets() {
		return (this == ROSTER) ? SHEETS : List.of(this);
	}

	boolean namesSheet(String name) {
		String given = Column.normalize(name);
		return given.equals(Column.normalize(this.sheetName)) || given.equals(Column.normalize(this.value));
	}

	/** By value ({@code organizations}), name or sheet name; null when none matches. */
	public static TransferKind parse(String text) {
		if (text == null) {
			return null;
		}
		for (TransferKind kind : values()) {
			if (kind.namesSheet(text) || kind.name().equalsIgnoreCase(text.strip())
					|| kind.value.equals(text.strip().toLowerCase(Locale.ROOT))) {
				return kind;
			}
		}
		return null;
	}

}
