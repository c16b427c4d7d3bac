"""What the core says about the shop's catalogue: barcodes and their rules (app.domain.barcodes), product sheets
imported from a file (app.sync.imports.products), binding a barcode by hand and listing products
(app.services.catalogue, app.cli.products). Message id -> English template, merged into app.domain.catalog.CATALOG
(see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP

PRODUCTS: dict[str, str] = {
    # A code the catalogue refuses (app.domain.barcodes); {code} is the code as the catalogue would keep it
    "barcode.empty": QT_TRANSLATE_NOOP("CoreMessages", "the barcode is empty"),
    "barcode.scientific": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "barcode {code} is in scientific notation: Excel destroyed its digits; format the column as text and type "
        "the barcodes again",
    ),
    "barcode.too_long": QT_TRANSLATE_NOOP(
        "CoreMessages", "barcode {code} is longer than the {most} characters a barcode can have"
    ),
    "barcode.bad_characters": QT_TRANSLATE_NOOP(
        "CoreMessages", "barcode '{code}' holds spaces or invisible characters a scanner never sends"
    ),
    "barcode.check_digit": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "barcode {code} is not a valid {kind}: its check digit is {digit}, the digits before it need {expected} "
        "(a typo?)",
    ),
    "barcode.case_code_as_unit": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "barcode {code} is a GS1 case code (packaging indicator {indicator}), not a single piece's: give it as a "
        "case pack with how many pieces the case holds",
    ),
    "barcode.case_units": QT_TRANSLATE_NOOP(
        "CoreMessages", "case pack {code} must hold 2 to {most} pieces; it says {units}"
    ),
    "barcode.clash": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "barcode {code} already belongs to SKU {owner}, so it cannot also be SKU {sku}: one barcode names one SKU",
    ),
    "barcode.clash_in_batch": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "barcode {code} is given to SKU {owner} on row {row}, so it cannot also be SKU {sku}: one barcode names one "
        "SKU",
    ),
    "barcode.unit_and_case": QT_TRANSLATE_NOOP(
        "CoreMessages", "barcode {code} is given both as a single piece and as a case pack"
    ),
    # The catalogue (app.services.catalogue)
    "products.sku_twice": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "SKU {sku} is already on row {row}: give each SKU one row (several barcodes go in one cell, separated by "
        "commas)",
    ),
    "products.sku_too_long": QT_TRANSLATE_NOOP(
        "CoreMessages", "SKU '{sku}' is longer than the {most} characters a merchant code can have"
    ),
    "products.not_found": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "No SKU {sku} in the catalogue. Import the product sheet first, or use a SKU of a waiting order.",
    ),
    "products.units_range": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "One scan of a barcode counts 1 to {most} pieces (1 for a single piece, more for a case pack), not {units}.",
    ),
    "products.limit_too_small": QT_TRANSLATE_NOOP("CoreMessages", "--limit must be at least 1."),
    "products.code_unbound": QT_TRANSLATE_NOOP(
        "CoreMessages", "Barcode {code} is not bound to SKU {sku} (no SKU holds it): nothing to remove."
    ),
    "products.code_elsewhere": QT_TRANSLATE_NOOP(
        "CoreMessages", "Barcode {code} belongs to SKU {owner}, not to SKU {sku}: nothing removed."
    ),
    # A product sheet refused as a whole (app.sync.imports.products); they end "{file} {reason}."
    "products.file.excel_old": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "is an old .xls workbook or a password-protected one: save it in Excel as .xlsx (without a password) or as CSV",
    ),
    "products.file.not_sheet": QT_TRANSLATE_NOOP(
        "CoreMessages", "is neither an Excel workbook (.xlsx) nor a CSV file in UTF-8 or GBK"
    ),
    "products.file.not_xlsx": QT_TRANSLATE_NOOP("CoreMessages", "is not a readable Excel workbook ({error})"),
    "products.file.no_sku_column": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "has no SKU column PackDesk recognises (SKU, 商家编码, outer id...); its first row reads: {first}. Say which "
        "column holds the SKU (on the command line: --map sku=HEADER)",
    ),
    "products.file.no_column": QT_TRANSLATE_NOOP(
        "CoreMessages", "has no column '{header}' (asked for by {field}); its columns are: {headers}"
    ),
    "products.file.empty": QT_TRANSLATE_NOOP("CoreMessages", "holds no rows under its header"),
    # The column mapping a seller gives (--map FIELD=HEADER)
    "products.map.unknown_field": QT_TRANSLATE_NOOP(
        "CoreMessages", "--map names an unknown field '{field}'. Fields: {known}."
    ),
    "products.map.malformed": QT_TRANSLATE_NOOP(
        "CoreMessages", "--map takes FIELD=HEADER, like barcode=条形码; '{text}' is not."
    ),
    "products.map.same_header": QT_TRANSLATE_NOOP(
        "CoreMessages", "The column '{header}' is mapped to both {first} and {second}."
    ),
    # A rejected row of a product sheet
    "products.row.no_sku": QT_TRANSLATE_NOOP("CoreMessages", "has no SKU ({column} is empty)"),
    "products.row.not_grams": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{value}' is not a weight (grams, or a number with g or kg)"
    ),
    "products.row.weight_range": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{value}' is not a parcel item's weight (0 to {most} g)"
    ),
    "products.row.not_count": QT_TRANSLATE_NOOP("CoreMessages", "'{value}' is not a whole number of pieces"),
    "products.row.count_range": QT_TRANSLATE_NOOP("CoreMessages", "'{value}' is out of range (0 to {most})"),
    "products.row.case_without_units": QT_TRANSLATE_NOOP(
        "CoreMessages", "has a case-pack barcode but no unit count ({column} is empty)"
    ),
    "products.row.barcode": QT_TRANSLATE_NOOP("CoreMessages", "{column}: {reason}"),
    "products.row.too_long": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{value}' is longer than the {most} characters this column can hold"
    ),
    # The fields a column can carry (what the mapping shows)
    "products.field.sku": QT_TRANSLATE_NOOP("CoreMessages", "SKU (merchant code)"),
    "products.field.outer_id": QT_TRANSLATE_NOOP("CoreMessages", "item code (outer id)"),
    "products.field.sku_id": QT_TRANSLATE_NOOP("CoreMessages", "platform SKU id"),
    "products.field.item_id": QT_TRANSLATE_NOOP("CoreMessages", "platform item id"),
    "products.field.title": QT_TRANSLATE_NOOP("CoreMessages", "title"),
    "products.field.spec": QT_TRANSLATE_NOOP("CoreMessages", "spec"),
    "products.field.barcode": QT_TRANSLATE_NOOP("CoreMessages", "barcodes"),
    "products.field.case_barcode": QT_TRANSLATE_NOOP("CoreMessages", "case-pack barcode"),
    "products.field.case_units": QT_TRANSLATE_NOOP("CoreMessages", "pieces per case"),
    "products.field.weight_g": QT_TRANSLATE_NOOP("CoreMessages", "weight (g)"),
    "products.field.weight_kg": QT_TRANSLATE_NOOP("CoreMessages", "weight (kg)"),
    "products.field.stock": QT_TRANSLATE_NOOP("CoreMessages", "stock on hand"),
    "products.field.safety_stock": QT_TRANSLATE_NOOP("CoreMessages", "safety stock"),
    "products.field.price": QT_TRANSLATE_NOOP("CoreMessages", "price"),
}
