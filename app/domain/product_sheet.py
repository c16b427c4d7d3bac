"""The fields of a seller's product sheet and the header names that carry them, in Chinese or English (domain layer,
pure data): app.sync.imports.product_columns finds the columns with them, and `packdesk products import` names the
fields in its help without loading the import.
"""

from __future__ import annotations

# fmt: off
# Field -> the header names that carry it, as product_columns._key reduces them (lower case; no spaces, _ - * or
# full-width parentheses). The first field to claim a column keeps it.
FIELDS: dict[str, tuple[str, ...]] = {
    "sku": (
        "sku", "skucode", "sku编码", "sku商家编码", "商家sku编码", "商家编码", "规格编码", "商品sku编码", "outerskuid",
        "skuouterid", "merchantcode", "merchantsku", "sellersku", "编码",
    ),
    "outer_id": (
        "outerid", "outeriid", "商品编码", "商品商家编码", "货号", "款号", "itemcode", "外部编码", "外部系统编号",
    ),
    "sku_id": ("skuid", "平台skuid", "规格id"),
    "item_id": ("itemid", "numiid", "商品id", "宝贝id", "productid"),
    "title": (
        "title", "name", "productname", "itemname", "producttitle", "商品名称", "商品标题", "宝贝名称", "宝贝标题",
        "标题", "名称", "品名", "商品",
    ),
    "spec": (
        "spec", "specification", "variant", "properties", "规格", "商品规格", "规格名称", "销售属性", "商品属性",
        "颜色分类", "属性", "sku属性",
    ),
    "barcode": (
        "barcode", "barcodes", "ean", "ean13", "upc", "gtin", "条码", "条形码", "商品条码", "商品条形码", "69码",
        "国际条码", "单品条码",
    ),
    "case_barcode": (
        "casebarcode", "casecode", "cartonbarcode", "cartoncode", "itf14", "箱码", "箱条码", "箱条形码", "外箱条码",
        "外箱条形码", "箱规条码", "整箱条码",
    ),
    "case_units": (
        "caseunits", "unitspercase", "caseqty", "casepack", "packsize", "pcspercase", "箱规", "箱规数量", "每箱数量",
        "装箱数", "装箱数量", "箱装数", "每箱件数",
    ),
    "weight_g": (
        "weight", "weight(g)", "weightg", "weightgrams", "weight(grams)", "重量", "重量(g)", "重量(克)", "商品重量",
        "商品重量(克)", "商品重量(g)", "毛重", "毛重(g)", "毛重(克)", "净重", "重量克",
    ),
    "weight_kg": (
        "weight(kg)", "weightkg", "重量(kg)", "重量(千克)", "重量(公斤)", "毛重(kg)", "毛重(千克)", "净重(kg)",
        "商品重量(kg)", "商品重量(千克)", "重量kg",
    ),
    "stock": (
        "stock", "onhand", "qtyonhand", "inventory", "quantity", "qty", "库存", "库存数量", "实际库存", "现有库存",
        "可售库存", "数量", "库存数",
    ),
    "safety_stock": (
        "safetystock", "safety", "minstock", "minimumstock", "reorderpoint", "安全库存", "库存下限", "预警库存",
        "最低库存", "库存预警",
    ),
    "price": ("price", "unitprice", "价格", "单价", "售价", "销售价", "一口价", "零售价"),
}
# Other names a seller may use for a field in --map
ALIASES = {
    "barcodes": "barcode", "weight": "weight_g", "safety": "safety_stock", "on_hand": "stock", "case": "case_barcode",
    "case_code": "case_barcode", "units": "case_units", "outer": "outer_id", "name": "title",
}
# fmt: on
