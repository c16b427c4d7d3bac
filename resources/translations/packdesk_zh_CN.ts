<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddBarcodeDialog</name>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="33"/>
        <source>Add a barcode</source>
        <translation>添加条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="35"/>
        <source>EAN-13, UPC-A, a GS1 case code or your own code</source>
        <translation>EAN-13、UPC-A、GS1 箱码或自编条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="38"/>
        <source>1 for a single piece&apos;s barcode; the pieces in the case for a case pack</source>
        <translation>单件条码填 1；整箱条码填每箱件数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="42"/>
        <source>Barcode:</source>
        <translation>条码：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="43"/>
        <source>Pieces one scan counts:</source>
        <translation>每次扫描计件数：</translation>
    </message>
</context>
<context>
    <name>BatchShipDialog</name>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="45"/>
        <location filename="../../ui/dialogs/batch_ship.py" line="63"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="46"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="47"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="64"/>
        <source>Why it is skipped</source>
        <translation>跳过原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="91"/>
        <location filename="../../ui/dialogs/batch_ship.py" line="248"/>
        <source>Batch ship</source>
        <translation>批量发货</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_ship.py" line="97"/>
        <source>%n order(s) selected.</source>
        <translation>
            <numerusform>已选 %n 个订单。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="99"/>
        <source>Each order&apos;s carrier</source>
        <translation>各订单自己的快递</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="103"/>
        <source>Scan or type the first waybill of the roll</source>
        <translation>扫描或输入这卷面单的第一个单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="104"/>
        <source>Take the next numbers of the shops&apos; number-roll account</source>
        <translation>使用店铺单号段账户的下一批单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="105"/>
        <source>Fill the numbers after the first (the roll&apos;s sequence)</source>
        <translation>按面单顺序自动填充后续单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="108"/>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="109"/>
        <source>First number:</source>
        <translation>起始单号：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="126"/>
        <source>Confirm and ship</source>
        <translation>确认发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="182"/>
        <source>Scan or type the first number, or take them from the number roll.</source>
        <translation>请扫描或输入起始单号，或使用单号段账户。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="185"/>
        <source>Working out the numbers…</source>
        <translation>正在生成单号…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_ship.py" line="200"/>
        <source>Skipped: %n order(s)</source>
        <translation>
            <numerusform>跳过：%n 个订单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_ship.py" line="209"/>
        <source>%n order(s) will ship. Check the numbers, then Confirm.</source>
        <translation>
            <numerusform>将发货 %n 个订单。请核对单号后确认。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/batch_ship.py" line="221"/>
        <source>Shipping…</source>
        <translation>正在发货…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_ship.py" line="233"/>
        <source>%n order(s) shipped.</source>
        <translation>
            <numerusform>已发货 %n 个订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/batch_ship.py" line="235"/>
        <source>%n skipped:</source>
        <translation>
            <numerusform>跳过 %n 个：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CarrierRulesDialog</name>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="255"/>
        <source>Carrier rules</source>
        <translation>快递规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="257"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="257"/>
        <location filename="../../ui/dialogs/service_rules.py" line="298"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="257"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="258"/>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="259"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="260"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="261"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="271"/>
        <source>e.g. 新疆,西藏</source>
        <translation>例如 新疆,西藏</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="271"/>
        <source>e.g. 800 or 1.5kg</source>
        <translation>例如 800 或 1.5kg</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="272"/>
        <source>e.g. 3kg</source>
        <translation>例如 3kg</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="272"/>
        <source>yuan, e.g. 1000</source>
        <translation>元，例如 1000</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="272"/>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="273"/>
        <source>e.g. TEA-04</source>
        <translation>例如 TEA-04</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="273"/>
        <source>shop names</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="273"/>
        <source>e.g. 顺丰,SF</source>
        <translation>例如 顺丰,SF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="276"/>
        <source>Provinces or cities:</source>
        <translation>省份或城市：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="276"/>
        <source>Weight from:</source>
        <translation>重量不低于：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="277"/>
        <source>Weight below:</source>
        <translation>重量低于：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="277"/>
        <source>Value from:</source>
        <translation>金额不低于：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="278"/>
        <source>Value below:</source>
        <translation>金额低于：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="278"/>
        <source>SKUs:</source>
        <translation>商家编码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="278"/>
        <source>Shops:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="279"/>
        <source>Words in message or memo:</source>
        <translation>留言或备注中的关键词：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="282"/>
        <source>Carrier:</source>
        <translation>快递：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="284"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="293"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="295"/>
        <source>New rule (every condition given must hold; lower priority first)</source>
        <translation>新规则（填写的条件须全部满足；优先级数字小的先用）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="298"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="298"/>
        <source>First kg</source>
        <translation>首重</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="299"/>
        <source>Each next kg</source>
        <translation>续重（每千克）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="300"/>
        <source>Import cost table CSV…</source>
        <translation>导入运费表 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="301"/>
        <source>Columns: carrier, province (* for any other), first_kg, extra_kg</source>
        <translation>列：carrier, province（* 表示其他省份）, first_kg, extra_kg</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="303"/>
        <source>empty: no insurance</source>
        <translation>留空：不保价</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="305"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="307"/>
        <source>Insure (保价) orders worth at least (yuan):</source>
        <translation>订单金额达到多少元时保价：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="308"/>
        <source>Warn of orders due within (hours):</source>
        <translation>提醒多少小时内到期的订单：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="354"/>
        <source>to %1</source>
        <translation>发往 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="356"/>
        <source>weight %1–%2 g</source>
        <translation>重量 %1–%2 克</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="359"/>
        <source>value ¥%1–%2</source>
        <translation>金额 ¥%1–%2</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="362"/>
        <source>SKU %1</source>
        <translation>商家编码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="364"/>
        <source>shop %1</source>
        <translation>店铺 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="366"/>
        <source>message has %1</source>
        <translation>留言含 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="367"/>
        <source>every order</source>
        <translation>所有订单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="392"/>
        <source>Import the cost table</source>
        <translation>导入运费表</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="255"/>
        <source>Your products</source>
        <translation>商品资料</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="256"/>
        <source>Barcodes let the bench check every item by scanning it.</source>
        <translation>有了条码，打包台就能扫码核对每一件商品。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="259"/>
        <source>Import your product sheet (.xlsx or .csv): one row per SKU with its merchant code, title, spec, barcodes, case barcode and units per case, weight and stock. Rows PackDesk cannot take are listed with their row number and reason; importing the same sheet again changes nothing.</source>
        <translation>导入您的商品表（.xlsx 或 .csv）：每个 SKU 一行，含商家编码、名称、规格、条码、箱码及箱规、重量和库存。无法导入的行会列出行号和原因；同一张表再导入一次不会有任何改变。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="264"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="265"/>
        <source>Import a product sheet…</source>
        <translation>导入商品表…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="266"/>
        <source>Sync from the platform</source>
        <translation>从平台同步</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="268"/>
        <location filename="../../ui/first_run/shop_pages.py" line="280"/>
        <source>(no shop)</source>
        <translation>（不指定店铺）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="300"/>
        <source>Import a product sheet</source>
        <translation>导入商品表</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="300"/>
        <source>Product sheets (*.xlsx *.csv)</source>
        <translation>商品表 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="310"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="327"/>
        <source>%1 rows: %2 products new, %3 changed, %4 unchanged; %5 rows rejected.</source>
        <translation>共 %1 行：新增商品 %2 个，更新 %3 个，未变 %4 个；拒绝 %5 行。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="336"/>
        <source>Columns read: %1</source>
        <translation>读取的列：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="343"/>
        <source>Asking the platform for the shop&apos;s products…</source>
        <translation>正在向平台获取店铺商品…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="355"/>
        <source>From the platform: %1 products new, %2 changed, %3 barcodes added; %4 SKUs with a problem.</source>
        <translation>从平台同步：新增商品 %1 个，更新 %2 个，新增条码 %3 个；有问题的 SKU %4 个。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="364"/>
        <source>SKU %1 (barcode %2): %3</source>
        <translation>SKU %1（条码 %2）：%3</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../app/domain/catalog.py" line="47"/>
        <location filename="../../app/domain/catalog.py" line="83"/>
        <source>Unknown platform &apos;{platform}&apos;. Use one of: {known}.</source>
        <translation>未知的平台“{platform}”。可用的平台：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="48"/>
        <source>No shop named &apos;{name}&apos;. Shops here: {names}.</source>
        <translation>没有名为“{name}”的店铺。已有的店铺：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="49"/>
        <source>No shop named &apos;{name}&apos;. There are no shops yet: add one with `shop add`.</source>
        <translation>没有名为“{name}”的店铺。还没有任何店铺：请用 `shop add` 添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="52"/>
        <source>A shop needs a name.</source>
        <translation>店铺需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="53"/>
        <source>Shop &apos;{name}&apos; is a {platform} shop, not {wanted}.</source>
        <translation>店铺“{name}”是 {platform} 店铺，不是 {wanted} 店铺。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="54"/>
        <source>The gateway &apos;{gateway}&apos; is not an http(s) address, e.g. https://eco.taobao.com/router/rest</source>
        <translation>网关“{gateway}”不是 http(s) 地址，例如 https://eco.taobao.com/router/rest</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="57"/>
        <source>The app key is empty.</source>
        <translation>App Key 为空。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="58"/>
        <source>A {platform} shop needs {option}.</source>
        <translation>{platform} 店铺需要 {option}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="59"/>
        <source>PackDesk cannot sync {platform} shops through an API (only {known}); fill them with `packdesk import`.</source>
        <translation>PackDesk 无法通过接口同步 {platform} 店铺（仅支持 {known}）；请用 `packdesk import` 导入订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="63"/>
        <source>The app secret and the session key are both needed.</source>
        <translation>App Secret 和授权码 (SessionKey) 都必须填写。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="64"/>
        <source>The secrets file {path} cannot be read: {error}</source>
        <translation>无法读取密钥文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="67"/>
        <source>This shop&apos;s app secret and session key are not stored here: add the shop again with `shop add`.</source>
        <translation>本机没有保存这个店铺的 App Secret 和授权码 (SessionKey)：请用 `shop add` 重新添加店铺。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="71"/>
        <source>No system keyring is available, so the shop&apos;s secrets are kept in {path} (readable only by you). Install and unlock a keyring (GNOME Keyring, KWallet, Windows Credential Manager) to keep them there.</source>
        <translation>系统没有可用的密钥环，店铺密钥已保存在 {path}（只有您本人可读）。安装并解锁密钥环（GNOME Keyring、KWallet、Windows 凭据管理器）后即可改存到密钥环中。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="76"/>
        <source>A sender needs a name, a phone number, a province and a street address.</source>
        <translation>寄件人需要填写姓名、电话、省份和详细地址。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="80"/>
        <source>Unknown status &apos;{status}&apos;. Use one of: {known}.</source>
        <translation>未知的订单状态“{status}”。可用的状态：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="81"/>
        <location filename="../../app/domain/catalog_products.py" line="66"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="82"/>
        <source>The offset cannot be below 0.</source>
        <translation>偏移量不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="84"/>
        <source>Unknown flag colour &apos;{colour}&apos;. Use one of: {known}.</source>
        <translation>未知旗帜颜色“{colour}”。可用：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="85"/>
        <source>Unknown print status &apos;{printed}&apos;. Use yes, no or reprinted.</source>
        <translation>未知打印状态“{printed}”。请用 yes、no 或 reprinted。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="88"/>
        <source>The list cannot sort by &apos;{key}&apos;. Sort by: {known} (a leading - sorts from the highest).</source>
        <translation>列表不能按“{key}”排序。可按：{known}（前面加 - 表示从高到低）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="91"/>
        <source>The hours cannot be below 0.</source>
        <translation>小时数不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="92"/>
        <source>The paid range ends before it starts: give the earlier date first.</source>
        <translation>付款时间范围的结束早于开始：请先写较早的日期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="95"/>
        <source>&apos;{text}&apos; is not a date: write it as 2024-06-18 (or 2024-06-18T14:30).</source>
        <translation>“{text}”不是日期：请写成 2024-06-18（或 2024-06-18T14:30）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="98"/>
        <source>No order {order_no} in the cache.</source>
        <translation>本地缓存中没有订单 {order_no}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="99"/>
        <source>closed</source>
        <translation>订单已关闭</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="100"/>
        <source>shipped</source>
        <translation>订单已发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="101"/>
        <source>on hold</source>
        <translation>订单已挂起</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="102"/>
        <source>refund</source>
        <translation>买家申请了退款</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="103"/>
        <source>not paid yet</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="105"/>
        <source>Unknown carrier &apos;{carrier}&apos;. Known carriers: {known}.</source>
        <translation>未知的快递公司“{carrier}”。已知的快递公司：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="106"/>
        <source>&apos;{tracking_no}&apos; is not a tracking number: use 8-40 letters and digits.</source>
        <translation>“{tracking_no}”不是运单号：运单号由 8-40 位字母和数字组成。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="109"/>
        <source>{number} does not look like a {carrier} number; recorded as {carrier} as you said.</source>
        <translation>{number} 看起来不像 {carrier} 的运单号；已按您指定的 {carrier} 记录。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="112"/>
        <source>Order {order_no} cannot ship: {reason}.</source>
        <translation>订单 {order_no} 不能发货：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="113"/>
        <source>Tracking number {number} is already used by order {order_no}.</source>
        <translation>运单号 {number} 已被订单 {order_no} 使用。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="116"/>
        <source>Order {order_no} already has the printed waybill {tracking_no}; ship it with that number or void it first.</source>
        <translation>订单 {order_no} 已打印面单 {tracking_no}；请用这个运单号发货，或先作废该面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="120"/>
        <source>{number} is not a {carrier} tracking number as {platform} checks them (pattern {pattern}); the platform would refuse the shipment.</source>
        <translation>按 {platform} 的校验规则，{number} 不是 {carrier} 的运单号（规则 {pattern}）；平台会拒绝这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="126"/>
        <source>Shop &apos;{shop}&apos; has no waybill account. Add the shop to a group with an account.</source>
        <translation>店铺“{shop}”没有面单账号。请把店铺加入一个有面单账号的关联店铺组。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="129"/>
        <source>Shop &apos;{shop}&apos; has no waybill account: add one for its shop group, then print again.</source>
        <translation>店铺“{shop}”没有面单账号：请为它的关联店铺组添加一个，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="132"/>
        <source>Shop &apos;{shop}&apos; has no {carrier} waybill account: add one for its shop group, then print again.</source>
        <translation>店铺“{shop}”没有 {carrier} 面单账号：请为它的关联店铺组添加一个，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="135"/>
        <source>The {carrier} waybill account &apos;{account}&apos; has no tracking numbers left.</source>
        <translation>{carrier}面单账号“{account}”的运单号已经用完。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="138"/>
        <source>The waybill account &apos;{account}&apos; is of kind &apos;{kind}&apos;, which this installation cannot issue numbers for (it can for: {known}).</source>
        <translation>面单账户“{account}”的类型为“{kind}”，本安装无法为该类型分配单号（可分配的类型：{known}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="144"/>
        <source>{field} must be between {low} and {high}; it is {value}.</source>
        <translation>{field}必须在 {low} 到 {high} 之间；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="147"/>
        <source>{field} must be at most 8 printable characters.</source>
        <translation>{field}最多 8 个可打印字符。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="148"/>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="149"/>
        <source>The serial scanner and the scale cannot use the same port.</source>
        <translation>串口扫描枪和电子秤不能使用同一个端口。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="152"/>
        <source>Lock after (minutes)</source>
        <translation>空闲锁定时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="153"/>
        <source>Shortest scan</source>
        <translation>最短条码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="154"/>
        <source>Longest gap between a scanner&apos;s keys (ms)</source>
        <translation>扫描枪按键最长间隔（毫秒）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="155"/>
        <source>Box and filler weight (g)</source>
        <translation>纸箱和填充物重量（克）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="156"/>
        <source>Scanner prefix</source>
        <translation>扫描枪前缀</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="157"/>
        <source>Scanner suffix</source>
        <translation>扫描枪后缀</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="158"/>
        <source>Serial scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="159"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="161"/>
        <source>&apos;{uri}&apos; is not a serial address; use serial:///dev/ttyUSB0?baud=9600 or serial://COM3.</source>
        <translation>“{uri}”不是串口地址；请使用 serial:///dev/ttyUSB0?baud=9600 或 serial://COM3。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="164"/>
        <source>baud={baud} is not a number</source>
        <translation>baud={baud} 不是数字</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="165"/>
        <source>&apos;{uri}&apos; names no port.</source>
        <translation>“{uri}”没有指定端口。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="166"/>
        <location filename="../../printers/errors.py" line="79"/>
        <source>Cannot open serial port {port}: {error}</source>
        <translation>无法打开串口 {port}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="168"/>
        <source>This database was written by a newer PackDesk (schema {revision}); update PackDesk before opening it.</source>
        <translation>这个数据库由更新版本的 PackDesk 写入（架构 {revision}）；请先升级 PackDesk 再打开。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="172"/>
        <source>This file is a database, but not a PackDesk one: it has tables PackDesk did not make.</source>
        <translation>这个文件是数据库，但不是 PackDesk 的数据库：其中有不是 PackDesk 创建的表。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="175"/>
        <source>Upgrading the database left broken references; it was not changed.</source>
        <translation>升级数据库后出现了断开的引用；数据库没有被改动。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="178"/>
        <source>The database is busy: another PackDesk window or command is writing to it. Wait a moment and try again.</source>
        <translation>数据库正忙：另一个 PackDesk 窗口或命令正在写入。请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="182"/>
        <source>The database file is damaged or is not a PackDesk database. Restore it from a backup, or point PackDesk at another data directory.</source>
        <translation>数据库文件已损坏，或不是 PackDesk 数据库。请从备份恢复，或让 PackDesk 使用另一个数据目录。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="187"/>
        <source>PackDesk cannot write its database here. Check that the data directory exists and is writable.</source>
        <translation>PackDesk 无法在这里写入数据库。请检查数据目录是否存在并且可写。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="191"/>
        <source>The database reported an error: {error}</source>
        <translation>数据库报错：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="13"/>
        <source>A shop needs a name: pass --shop NAME.</source>
        <translation>店铺需要一个名称：请传入 --shop NAME。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="15"/>
        <source>Taobao order report (订单报表)</source>
        <translation>淘宝订单报表</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="16"/>
        <source>Taobao item report (宝贝报表)</source>
        <translation>淘宝宝贝报表</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="17"/>
        <source>Pinduoduo order export</source>
        <translation>拼多多订单导出</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="18"/>
        <source>JD order export</source>
        <translation>京东订单导出</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="20"/>
        <source>{file} {reason}.</source>
        <translation>{file} {reason}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="21"/>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="22"/>
        <source>is an Excel workbook, not a CSV file: open it in Excel and save it as CSV (or export the CSV version)</source>
        <translation>是 Excel 工作簿，不是 CSV 文件：请在 Excel 中打开并另存为 CSV（或导出 CSV 版本）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="26"/>
        <source>is not text in UTF-8 or GBK: is it really a CSV export from the seller centre?</source>
        <translation>不是 UTF-8 或 GBK 文本：它真的是卖家中心导出的 CSV 吗？</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="29"/>
        <source>is not a readable CSV file ({error})</source>
        <translation>不是可读的 CSV 文件（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="30"/>
        <source>is not an export PackDesk knows (Taobao order or item report, Pinduoduo, JD); its first row reads: {first}</source>
        <translation>不是 PackDesk 认识的导出文件（淘宝订单或宝贝报表、拼多多、京东）；它的第一行是：{first}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="34"/>
        <source>nothing</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="35"/>
        <source>looks like a {format} but has no {columns} column</source>
        <translation>看起来是{format}，但缺少 {columns} 列</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="38"/>
        <source>{file} is a {format}, but shop &apos;{shop}&apos; sells on {platform}: import it into a {family} shop (or pass --platform for a new shop).</source>
        <translation>{file} 是{format}，但店铺“{shop}”在 {platform} 上销售：请导入到 {family} 店铺（或为新店铺传入 --platform）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="43"/>
        <source>{file} is a {format}; import it together with its {other} exported at the same time, which holds the {holds}.</source>
        <translation>{file} 是{format}；请与同时导出的{other}一起导入，{other}里有{holds}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="47"/>
        <source>items and SKUs</source>
        <translation>商品和 SKU</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="48"/>
        <source>receivers</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="50"/>
        <source>{column} {reason}</source>
        <translation>{column} {reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="51"/>
        <source>order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="52"/>
        <source>sub-order number</source>
        <translation>子订单号</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="53"/>
        <source>no {what}</source>
        <translation>没有{what}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="54"/>
        <source>{what} {value} is in scientific notation: Excel destroyed its digits; export again and open the file as text</source>
        <translation>{what} {value} 是科学计数法：Excel 破坏了它的数字；请重新导出，并以文本方式打开文件</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="58"/>
        <source>{what} &apos;{value}&apos; is not a number</source>
        <translation>{what}“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="59"/>
        <source>&apos;{value}&apos; is not an amount</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="60"/>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="61"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="62"/>
        <source>&apos;{value}&apos; is not a quantity (at least 1)</source>
        <translation>“{value}”不是有效数量（至少为 1）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="63"/>
        <source>&apos;{value}&apos; is more than PackDesk takes for one line ({most})</source>
        <translation>“{value}”超过了 PackDesk 单行能接受的数量（{most}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="66"/>
        <source>&apos;{value}&apos; is not a date that exists: the row is damaged, export it again</source>
        <translation>“{value}”不是真实存在的日期：这一行已损坏，请重新导出</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="69"/>
        <source>&apos;{value}&apos; is not a date and time (like 2026-05-31 14:16:18)</source>
        <translation>“{value}”不是日期时间（例如 2026-05-31 14:16:18）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="72"/>
        <source>&apos;{value}&apos; is not a date of an order (the year {year})</source>
        <translation>“{value}”不是订单日期（年份 {year}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="73"/>
        <source>order status &apos;{status}&apos; is unknown, so PackDesk cannot tell whether it may ship</source>
        <translation>订单状态“{status}”未知，PackDesk 无法判断它能否发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="77"/>
        <source>{column} is empty: PackDesk needs the payment time for the ship-by deadline</source>
        <translation>{column} 为空：PackDesk 需要付款时间来计算发货截止时间</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="80"/>
        <source>has no item title and no merchant code (商家编码)</source>
        <translation>没有商品标题，也没有商家编码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="81"/>
        <source>has no quantity (the item report has no 购买数量 column) and order {order_no} has {lines} lines</source>
        <translation>没有数量（宝贝报表没有“购买数量”列），而订单 {order_no} 有 {lines} 行</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="85"/>
        <source>sub-order {line_no} appears twice (first at row {row})</source>
        <translation>子订单 {line_no} 出现了两次（第一次在第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="88"/>
        <source>order {order_no} appears twice in this file (first at row {row})</source>
        <translation>订单 {order_no} 在本文件中出现了两次（第一次在第 {row} 行）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="91"/>
        <source>none of order {order_no}&apos;s lines in the item report could be imported</source>
        <translation>订单 {order_no} 在宝贝报表中的商品行都无法导入</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="94"/>
        <source>order {order_no} has no lines in the item report (宝贝报表) imported with this file</source>
        <translation>订单 {order_no} 在一起导入的宝贝报表中没有商品行</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_imports.py" line="97"/>
        <source>order {order_no} is not in the order report (订单报表): export both reports with the same filter and import them together</source>
        <translation>订单 {order_no} 不在订单报表中：请用相同的筛选条件导出两份报表并一起导入</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="14"/>
        <source>No order {order_no} in the cache. Check the number, or sync the shop first.</source>
        <translation>缓存里没有订单 {order_no}。请核对订单号，或先同步店铺。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="17"/>
        <source>Order {order_no} is closed (refunded or cancelled): it must not ship.</source>
        <translation>订单 {order_no} 已关闭（已退款或已取消）：不能发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="10"/>
        <source>Name at least one order.</source>
        <translation>请至少指定一个订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="11"/>
        <source>No order {order_no} in the cache: sync or import it first.</source>
        <translation>缓存中没有订单 {order_no}：请先同步或导入。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="14"/>
        <source>Order {order_no} is closed.</source>
        <translation>订单 {order_no} 已关闭。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="15"/>
        <location filename="../../app/domain/catalog_printing.py" line="20"/>
        <source>Order {order_no} has already shipped.</source>
        <translation>订单 {order_no} 已经发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="16"/>
        <source>Order {order_no} is not paid yet.</source>
        <translation>订单{order_no}买家尚未付款。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="17"/>
        <source>Nothing changed for order {order_no}: it already was so.</source>
        <translation>订单 {order_no} 没有变化：本来就是这样。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="18"/>
        <source>&apos;{colour}&apos; is not a flag colour: use red, yellow, green, blue, purple or none.</source>
        <translation>“{colour}”不是旗帜颜色：请用 red、yellow、green、blue、purple 或 none。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="21"/>
        <source>Give a reason: the print queue and the bench show it to whoever meets the order.</source>
        <translation>请填写原因：打单队列和验货台会向处理该订单的人显示它。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="24"/>
        <source>The memo of order {order_no} would be {size} bytes: Taobao keeps at most {most} (about {chars} Chinese characters). Nothing was changed.</source>
        <translation>订单 {order_no} 的备注将有 {size} 字节：淘宝最多保存 {most} 字节（约 {chars} 个汉字）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="29"/>
        <source>Appending nothing changes nothing: give the text to add.</source>
        <translation>追加空内容不会改变任何东西：请填写要追加的文字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="30"/>
        <source>Order {order_no} is already on hold: {reason}</source>
        <translation>订单 {order_no} 已挂起：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="31"/>
        <source>Order {order_no} is neither on hold nor marked out of stock.</source>
        <translation>订单 {order_no} 既未挂起，也未手动标记缺货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="34"/>
        <source>Order {order_no} is held by the platform (shipping blocked there): lift it in the seller centre; the next sync brings it back.</source>
        <translation>订单 {order_no} 被平台挂起（平台已屏蔽发货）：请在卖家中心解除；下次同步会带回。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="39"/>
        <source>Order {order_no} is already marked out of stock: {reason}</source>
        <translation>订单 {order_no} 已标记缺货：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="42"/>
        <source>The expected date {date} has passed: give a later date, or none.</source>
        <translation>预计到货日期 {date} 已过：请填写更晚的日期，或不填。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="45"/>
        <source>Order {order_no} is on hold: {reason}</source>
        <translation>订单 {order_no} 已挂起：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="46"/>
        <source>Order {order_no} is on hold: presale: balance not paid. It can ship once the buyer pays the balance (the next sync lets it go).</source>
        <translation>订单{order_no}已挂起：预售尾款未付。买家付清尾款后即可发货（下次同步会自动放行）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="51"/>
        <source>Order {order_no} is marked out of stock: {reason} (stock expected {date}).</source>
        <translation>订单 {order_no} 已手动标记缺货：{reason}（预计到货 {date}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="54"/>
        <source>no date given</source>
        <translation>未填日期</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="56"/>
        <source>Taobao refused the flag and memo of order {order_no}: {reason}</source>
        <translation>淘宝拒绝了订单 {order_no} 的旗帜和备注：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="57"/>
        <source>Taobao&apos;s answer did not confirm the memo of order {order_no}: it is read back before anything is sent again.</source>
        <translation>淘宝的答复没有确认订单 {order_no} 的备注：再次发送前会先回读核对。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_order_actions.py" line="61"/>
        <source>Taobao&apos;s answer about order {order_no} held no trade: it is asked again next round.</source>
        <translation>淘宝关于订单 {order_no} 的答复中没有交易：下一轮再查询。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="21"/>
        <source>Order {order_no} is on hold: release it before printing.</source>
        <translation>订单 {order_no} 已挂起：请先解除挂起再打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="24"/>
        <source>Order {order_no} is not paid yet: it ships once the buyer pays.</source>
        <translation>订单{order_no}买家尚未付款：付款后才能发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="27"/>
        <source>Every item of order {order_no} has a refund requested: it must not ship.</source>
        <translation>订单 {order_no} 的每件商品都申请了退款：不能发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="30"/>
        <source>The waybill of order {order_no} ({tracking_no}) is already waiting in the print queue (job {job}). Print it with `packdesk queue run --printer URI` (or print the order again: its waiting job resumes), or take it out with `packdesk queue cancel {job}`.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）已在打印队列中等待（任务 {job}）。用 `packdesk queue run --printer URI` 打印（或再次打印该订单：等待中的任务会接着打印），或用 `packdesk queue cancel {job}` 将其移出队列。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="36"/>
        <source>The waybill of order {order_no} ({tracking_no}) is being sent to a printer right now (job {job}). Wait for it; if that print stops, answer with `packdesk queue confirm {job}` (it came out whole) or `packdesk queue requeue {job}`.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）正在发送到打印机（任务 {job}）。请等待；如果打印中断，请用 `packdesk queue confirm {job}`（面单完整打出）或 `packdesk queue requeue {job}` 回答。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="42"/>
        <source>The waybill of order {order_no} ({tracking_no}) may have printed only in part (job {job}: did it print?). If the label came out whole, run `packdesk queue confirm {job}`; to print it again, marked as a reprint, run `packdesk queue requeue {job}` and then print again.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）可能只打出了一部分（任务 {job}：打出来了吗？）。如果面单完整打出，请运行 `packdesk queue confirm {job}`；要重新打印（标为重打），请运行 `packdesk queue requeue {job}`，然后再打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="48"/>
        <source>The waybill of order {order_no} ({tracking_no}) was already printed {count} time(s). Give a reason to print it again (--reprint REASON).</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）已经打印过 {count} 次。要再次打印，请说明原因（--reprint REASON）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="54"/>
        <source>packed again at the station</source>
        <translation>在工作台重新验货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="55"/>
        <source>not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="56"/>
        <source>after sending: {reason}</source>
        <translation>发送之后：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="57"/>
        <source>{first} / {then}</source>
        <translation>{first} / {then}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="58"/>
        <source>cancelled: {reason}</source>
        <translation>已取消：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="59"/>
        <source>order {reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="60"/>
        <source>order stopped at the bench ({stop})</source>
        <translation>订单在工作台被拦截（{stop}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="61"/>
        <source>taken out of the queue</source>
        <translation>已移出队列</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="62"/>
        <source>interrupted while sending: did it print?</source>
        <translation>发送时中断：打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="63"/>
        <source>did it print?</source>
        <translation>打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="64"/>
        <source>reprint: copy {copy} may have been cut off ({reason})</source>
        <translation>重打：第 {copy} 份可能没有打完整（{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="65"/>
        <source>the label may have printed: answer in the print queue</source>
        <translation>面单可能已经打出：请在打印队列中回答</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="69"/>
        <source>No print job {job}. `packdesk queue list` shows the jobs.</source>
        <translation>没有打印任务 {job}。`packdesk queue list` 会列出所有任务。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="72"/>
        <source>Print job {job} is {state}; only unknown or failed jobs need an answer.</source>
        <translation>打印任务 {job} 的状态是 {state}；只有状态不明或失败的任务需要回答。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="75"/>
        <source>Print job {job} has not been sent yet, so there is nothing to answer: it prints with `packdesk queue run --printer {printer}`, or `packdesk queue cancel {job}` takes it out.</source>
        <translation>打印任务 {job} 还没有发送，无需回答：用 `packdesk queue run --printer {printer}` 打印，或用 `packdesk queue cancel {job}` 将其移出队列。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="80"/>
        <source>Print job {job} is being sent right now; answer once it has stopped (`packdesk queue list` shows it).</source>
        <translation>打印任务 {job} 正在发送；请等它停下后再回答（`packdesk queue list` 会显示它）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="84"/>
        <source>Print job {job} has printed. To print its waybill again: `packdesk print ORDER_NO --reprint REASON`.</source>
        <translation>打印任务 {job} 已打印。要再次打印它的面单：`packdesk print ORDER_NO --reprint REASON`。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="88"/>
        <source>Print job {job} was {reason}; it cannot count as printed.</source>
        <translation>打印任务 {job} {reason}；不能算作已打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="91"/>
        <source>Print job {job} was {reason}; it cannot be resent. If the order may ship, print it again (`packdesk print ORDER_NO --printer URI`).</source>
        <translation>打印任务 {job} {reason}；不能重新发送。如果订单仍可发货，请重新打印（`packdesk print ORDER_NO --printer URI`）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="96"/>
        <source>Print job {job} is {state}, not waiting: only a job that has not been sent can be cancelled.</source>
        <translation>打印任务 {job} 的状态是 {state}，不在等待中：只有尚未发送的任务才能取消。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="100"/>
        <source>Print job {job} is {state}, not waiting: only a job that has not been sent can be cancelled. Answer it with `packdesk queue confirm {job}` or `packdesk queue requeue {job}`.</source>
        <translation>打印任务 {job} 的状态是 {state}，不在等待中：只有尚未发送的任务才能取消。请用 `packdesk queue confirm {job}` 或 `packdesk queue requeue {job}` 回答它。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="106"/>
        <source>Say why the order may ship after all.</source>
        <translation>请说明为什么这个订单仍然可以发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="107"/>
        <source>Order {order_no} cannot ship: {reason}. No override can change that.</source>
        <translation>订单 {order_no} 不能发货：{reason}。任何放行都改变不了。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="110"/>
        <source>Order {order_no} is not stopped.</source>
        <translation>订单 {order_no} 没有被拦截。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="111"/>
        <source>Finish or park the open parcel first.</source>
        <translation>请先完成或暂存当前包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="112"/>
        <source>Order {order_no} has shipped: it can no longer be reopened.</source>
        <translation>订单 {order_no} 已发货：不能再重新打开。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="115"/>
        <source>Open the parcel the item belongs to, then bind its code.</source>
        <translation>请先打开这件商品所属的包裹，再绑定条码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="118"/>
        <source>{sku} is not in order {order_no}.</source>
        <translation>{sku} 不在订单 {order_no} 中。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="119"/>
        <source>A code counts 1 to 999 units.</source>
        <translation>一个条码代表 1 到 999 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="120"/>
        <source>The code {code} already belongs to a product.</source>
        <translation>条码 {code} 已属于某个商品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="121"/>
        <source>There is no open parcel to confirm an item in.</source>
        <translation>没有打开的包裹可以确认商品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="122"/>
        <source>Say why the item cannot be scanned.</source>
        <translation>请说明为什么这件商品无法扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="123"/>
        <source>No order for {code}.</source>
        <translation>没有与 {code} 对应的订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="14"/>
        <source>The data directory {path} is a file, not a folder. Choose a folder with --data-dir.</source>
        <translation>数据目录 {path} 是一个文件，不是文件夹。请用 --data-dir 选择一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="17"/>
        <source>The data directory {path} is a file, not a folder.</source>
        <translation>数据目录 {path} 是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="18"/>
        <source>Cannot create the data directory {path}: {error}.</source>
        <translation>无法创建数据目录 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="19"/>
        <source>PackDesk cannot write to its data directory {path} ({error}). Choose another folder with --data-dir or fix its permissions.</source>
        <translation>PackDesk 无法写入数据目录 {path}（{error}）。请用 --data-dir 选择其他文件夹，或修改它的权限。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="24"/>
        <source>PackDesk cannot create its database in {path} ({error}).</source>
        <translation>PackDesk 无法在 {path} 中创建数据库（{error}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="27"/>
        <source>{path} is not valid TOML ({error}); fix or delete it.</source>
        <translation>{path} 不是有效的 TOML（{error}）；请修正或删除它。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="30"/>
        <source>PackDesk cannot lock its data directory {path} ({error}). Choose a folder on this computer&apos;s own disk with --data-dir.</source>
        <translation>PackDesk 无法锁定数据目录 {path}（{error}）。请用 --data-dir 选择本机磁盘上的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="35"/>
        <source>Another PackDesk is using the data directory {path}: close it or let it finish first.</source>
        <translation>另一个 PackDesk 正在使用数据目录 {path}：请关闭它或等它完成。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="38"/>
        <source>A PackDesk window (process {pid}) is open on the data directory {path}: pack, print and ship from that window, or close it first.</source>
        <translation>一个 PackDesk 窗口（进程 {pid}）已打开数据目录 {path}：请在那个窗口中验货、打印和发货，或先关闭它。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="43"/>
        <source>`packdesk {command}` (process {pid}) is using the data directory {path}: let it finish first.</source>
        <translation>`packdesk {command}`（进程 {pid}）正在使用数据目录 {path}：请等它完成。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="48"/>
        <source>A packer needs a name.</source>
        <translation>打包员需要一个名字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="49"/>
        <source>Badge {badge} belongs to {name}.</source>
        <translation>工牌 {badge} 属于 {name}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="50"/>
        <source>Unknown packer or wrong PIN.</source>
        <translation>打包员不存在或 PIN 错误。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="51"/>
        <source>No packer is called {name}.</source>
        <translation>没有叫 {name} 的打包员。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="52"/>
        <source>A supervisor PIN is {shortest} to {longest} digits.</source>
        <translation>主管 PIN 为 {shortest} 到 {longest} 位数字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="53"/>
        <source>A packer&apos;s PIN is {shortest} to {longest} digits.</source>
        <translation>打包员 PIN 为 {shortest} 到 {longest} 位数字。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="54"/>
        <source>No supervisor PIN is set on this station: set one with `packdesk supervisor pin`.</source>
        <translation>本工作台还没有设置主管 PIN：请用 `packdesk supervisor pin` 设置。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="57"/>
        <source>The supervisor PIN in config.toml is damaged: set it again.</source>
        <translation>config.toml 中的主管 PIN 已损坏：请重新设置。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="60"/>
        <source>Wrong supervisor PIN.</source>
        <translation>主管 PIN 错误。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="61"/>
        <source>Wrong PIN.</source>
        <translation>PIN 错误。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="62"/>
        <source>Too many wrong supervisor PINs: the supervisor PIN is locked. Set it again with `packdesk supervisor pin` to unlock it.</source>
        <translation>主管 PIN 错误次数过多：主管 PIN 已锁定。请用 `packdesk supervisor pin` 重新设置以解锁。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="67"/>
        <source>Too many wrong PINs for {name}: sign-in is locked until a supervisor unlocks it (packdesk packer unlock).</source>
        <translation>{name} 的 PIN 错误次数过多：登录已锁定，需主管解锁（packdesk packer unlock）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="71"/>
        <source>Too many wrong PINs: try again in {seconds} seconds.</source>
        <translation>PIN 错误次数过多：请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="73"/>
        <source>--orders must be between 0 and 1000000.</source>
        <translation>--orders 必须在 0 到 1000000 之间。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="74"/>
        <source>This data directory already has the demo shop. Use a new --data-dir for a fresh demo.</source>
        <translation>这个数据目录已经有演示店铺了。请用新的 --data-dir 重新生成演示数据。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="78"/>
        <source>line {line} of the scans is not text (neither UTF-8 nor GB18030): {shown}. It was skipped; check the scanner&apos;s keyboard language or the file&apos;s encoding.</source>
        <translation>扫描记录的第 {line} 行不是文本（既不是 UTF-8 也不是 GB18030）：{shown}。已跳过；请检查扫描枪的键盘语言或文件编码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="83"/>
        <source>Cannot read the scans file {path}: {error}.</source>
        <translation>无法读取扫描文件 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="84"/>
        <source>Set {variable} (or run this in a terminal to be asked for it).</source>
        <translation>请设置 {variable}（或在终端中运行，以便输入）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="87"/>
        <source>No printer given and none configured: pass --printer URI (e.g. png:///tmp/labels).</source>
        <translation>没有指定打印机，也没有配置打印机：请传入 --printer URI（例如 png:///tmp/labels）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="90"/>
        <source>`queue {action}` needs the job id, e.g. packdesk queue {action} 12 (`packdesk queue list` shows the ids).</source>
        <translation>`queue {action}` 需要任务编号，例如 packdesk queue {action} 12（`packdesk queue list` 会列出编号）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="94"/>
        <source>{scheme}:// takes waybills only; print the test page on a label printer.</source>
        <translation>{scheme}:// 只能打印面单；请在标签打印机上打印测试页。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="97"/>
        <source>`packdesk outbox {action}` takes no file or number.</source>
        <translation>`packdesk outbox {action}` 不接受文件或编号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="100"/>
        <source>Give one file to write, e.g. `packdesk outbox export shipped.xlsx`.</source>
        <translation>请给出一个要写入的文件，例如 `packdesk outbox export shipped.xlsx`。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_station.py" line="103"/>
        <source>Entry numbers are whole numbers as `packdesk outbox list` shows them (#12), not {given}.</source>
        <translation>条目编号是 `packdesk outbox list` 显示的整数（#12），不是 {given}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="14"/>
        <source>Taobao refused {method}: {words} ({code})</source>
        <translation>淘宝拒绝了 {method}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="15"/>
        <source>Taobao no longer accepts this shop&apos;s session key (it has expired or was revoked). Authorize the shop again and update it with `packdesk shop add`.</source>
        <translation>淘宝不再接受这个店铺的 session key（已过期或被撤销）。请重新授权店铺，并用 `packdesk shop add` 更新。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="20"/>
        <source>Taobao has stopped this app&apos;s calls for {hours} h {minutes} min (daily quota). Sync resumes after that.</source>
        <translation>淘宝已暂停本应用的调用 {hours} 小时 {minutes} 分钟（每日配额）。之后同步会自动恢复。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="24"/>
        <source>Taobao could not be reached for {method}: {failure}. PackDesk will try again later.</source>
        <translation>{method} 无法连接淘宝：{failure}。PackDesk 稍后会重试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="27"/>
        <source>cannot reach Taobao ({error})</source>
        <translation>连不上淘宝（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="28"/>
        <source>Taobao answered HTTP {status}</source>
        <translation>淘宝返回 HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="29"/>
        <source>Taobao limited the calls for {seconds} s</source>
        <translation>淘宝限制调用 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="30"/>
        <source>Taobao is busy</source>
        <translation>淘宝繁忙</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="31"/>
        <source>The connection to Taobao broke during {method}; it may have been applied.</source>
        <translation>{method} 进行中与淘宝的连接断开了；操作可能已经生效。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="34"/>
        <source>Taobao failed (HTTP {status}) during {method}.</source>
        <translation>淘宝在 {method} 时出错（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="35"/>
        <source>Taobao failed during {method}: {words}</source>
        <translation>淘宝在 {method} 时出错：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="36"/>
        <source>Taobao answered something PackDesk does not understand ({method}: {why}). Nothing was changed by this answer; PackDesk will ask again later.</source>
        <translation>淘宝返回了 PackDesk 看不懂的内容（{method}：{why}）。这次回复没有改变任何数据；PackDesk 稍后会再问。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="10"/>
        <source>Pinduoduo refused {method}: {words} ({code})</source>
        <translation>拼多多拒绝了 {method}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="11"/>
        <source>Pinduoduo no longer accepts this access token (it has expired or was revoked). Authorize PackDesk again in Pinduoduo&apos;s service market and store the new access token.</source>
        <translation>拼多多不再接受这个 Access Token（已过期或被撤销）。请在拼多多服务市场重新授权 PackDesk，并保存新的 Access Token。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="16"/>
        <source>Pinduoduo could not be reached for {method}: {failure}. PackDesk will try again later.</source>
        <translation>{method} 无法连接拼多多：{failure}。PackDesk 稍后会重试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="19"/>
        <source>cannot reach Pinduoduo ({error})</source>
        <translation>连不上拼多多（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="20"/>
        <source>Pinduoduo answered HTTP {status}</source>
        <translation>拼多多返回 HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="21"/>
        <source>Pinduoduo limited the calls for {seconds} s</source>
        <translation>拼多多限制调用 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="22"/>
        <source>Pinduoduo is busy</source>
        <translation>拼多多繁忙</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="23"/>
        <source>The connection to Pinduoduo broke during {method}; it may have been applied.</source>
        <translation>{method} 进行中与拼多多的连接断开了；操作可能已经生效。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="26"/>
        <source>Pinduoduo failed (HTTP {status}) during {method}.</source>
        <translation>拼多多在 {method} 时出错（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="27"/>
        <source>Pinduoduo failed during {method}: {words}</source>
        <translation>拼多多在 {method} 时出错：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="28"/>
        <source>Pinduoduo answered something PackDesk does not understand ({method}: {why}). Nothing was changed by this answer; PackDesk will ask again later.</source>
        <translation>拼多多返回了 PackDesk 看不懂的内容（{method}：{why}）。这次回复没有改变任何数据；PackDesk 稍后会再问。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="33"/>
        <location filename="../../app/domain/catalog_sync.py" line="42"/>
        <source>the answer has no {root} object</source>
        <translation>回复中没有 {root} 对象</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="34"/>
        <location filename="../../app/domain/catalog_sync.py" line="43"/>
        <source>the answer is nested too deeply</source>
        <translation>回复嵌套过深</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="35"/>
        <location filename="../../app/domain/catalog_sync.py" line="44"/>
        <source>the answer is not a JSON object</source>
        <translation>回复不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="37"/>
        <source>order {order_sn} has neither pay_time nor confirm_time nor created_time</source>
        <translation>订单 {order_sn} 没有 pay_time、confirm_time 或 created_time</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="40"/>
        <source>an item of order {order_sn} has no goods or SKU id</source>
        <translation>订单 {order_sn} 的一个商品没有商品编号或规格编号</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="41"/>
        <source>it counts {total} orders in one window, more than the {most} PackDesk reads from one listing</source>
        <translation>一个时间窗口内有 {total} 个订单，超过了 PackDesk 一次列表最多读取的 {most} 个</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="45"/>
        <source>Waybill account &apos;{account}&apos; has no Pinduoduo gateway or client id: add it again with `waybill add`.</source>
        <translation>面单账号“{account}”没有拼多多网关或 Client ID：请用 `waybill add` 重新添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="49"/>
        <source>The client secret and access token of waybill account &apos;{account}&apos; cannot be read: {reason}</source>
        <translation>无法读取面单账号“{account}”的 Client Secret 和 Access Token：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="52"/>
        <source>Pinduoduo no longer accepts the access token of waybill account &apos;{account}&apos; (it has expired or was revoked). Authorize PackDesk again, then store the new token with `waybill add`.</source>
        <translation>拼多多不再接受面单账号“{account}”的 Access Token（已过期或被撤销）。请重新授权 PackDesk，然后用 `waybill add` 保存新的 Access Token。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="57"/>
        <source>Pinduoduo refused the client id or secret of waybill account &apos;{account}&apos;: {words} ({code})</source>
        <translation>拼多多拒绝了面单账号“{account}”的 Client ID 或 Client Secret：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="60"/>
        <source>Waybill account &apos;{account}&apos; has no {carrier} numbers left at Pinduoduo ({words}). Top it up, then print again.</source>
        <translation>面单账号“{account}”在拼多多的 {carrier} 单号已用完（{words}）。请充值后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="65"/>
        <source>Pinduoduo refused numbers from waybill account &apos;{account}&apos; ({carrier}): {words} ({code})</source>
        <translation>拼多多拒绝为面单账号“{account}”（{carrier}）分配单号：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="68"/>
        <source>Pinduoduo refused {method} for waybill account &apos;{account}&apos;: {words} ({code})</source>
        <translation>拼多多拒绝了面单账号“{account}”的 {method}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="71"/>
        <source>Pinduoduo gave no waybill number for order {order_no}: {words} ({code})</source>
        <translation>拼多多没有为订单 {order_no} 分配运单号：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="74"/>
        <source>Waybill account &apos;{account}&apos; has no carrier: choose one it subscribes to at Pinduoduo.</source>
        <translation>面单账号“{account}”没有指定快递公司：请选择它在拼多多开通的快递公司。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="77"/>
        <source>Waybill account &apos;{account}&apos; has no sender address: choose one of the addresses Pinduoduo lists for it.</source>
        <translation>面单账号“{account}”没有寄件地址：请从拼多多为它列出的地址中选择一个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="81"/>
        <source>The sender of waybill account &apos;{account}&apos; lacks the {part}: Pinduoduo needs a name, a phone number and an address with province, city, district and street.</source>
        <translation>面单账号“{account}”的寄件人缺少{part}：拼多多要求寄件人有姓名、电话号码，以及包含省、市、区/县和街道的地址。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="86"/>
        <source>Order {order_no} cannot get a Pinduoduo waybill: the receiver lacks the {part}. Complete the address, then print again.</source>
        <translation>订单 {order_no} 无法获取拼多多面单：收件人缺少{part}。请补全地址后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="91"/>
        <source>Order {order_no} is a Taobao privacy order: only a Cainiao waybill account can print its address, not a Pinduoduo one.</source>
        <translation>订单 {order_no} 是淘宝隐私订单：只有菜鸟面单账号能打印它的地址，拼多多面单账号不能。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="96"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="97"/>
        <source>phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="98"/>
        <source>province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="99"/>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="100"/>
        <source>district</source>
        <translation>区/县</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="101"/>
        <source>street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="102"/>
        <source>Pinduoduo&apos;s waybill service could not be reached for account &apos;{account}&apos;: {reason}</source>
        <translation>无法连接拼多多面单服务（账号“{account}”）：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="105"/>
        <source>Pinduoduo may have issued numbers for waybill account &apos;{account}&apos; without PackDesk hearing the answer ({reason}). Asking again for the same parcels gives the same numbers back.</source>
        <translation>拼多多可能已为面单账号“{account}”分配了单号，但 PackDesk 没有收到回复（{reason}）。为同样的包裹再次申请会得到同样的单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="114"/>
        <source>the print data answered for waybill {tracking_no} is that of {other}</source>
        <translation>面单 {tracking_no} 返回的打印数据属于 {other}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="117"/>
        <source>Pinduoduo has no live waybill {tracking_no} to print again: {words} ({code})</source>
        <translation>拼多多没有可重新打印的有效面单 {tracking_no}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="120"/>
        <source>Pinduoduo did not cancel waybill {tracking_no}: {words} ({code})</source>
        <translation>拼多多没有取消面单 {tracking_no}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd.py" line="123"/>
        <source>Pinduoduo did not change the receiver of waybill {tracking_no}: {words} ({code})</source>
        <translation>拼多多没有修改面单 {tracking_no} 的收件人：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="45"/>
        <source>trade {tid} has neither pay_time nor created</source>
        <translation>交易 {tid} 既没有 pay_time 也没有 created</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="46"/>
        <source>a sub-order of trade {tid} has no oid or no item</source>
        <translation>交易 {tid} 的某个子订单没有 oid 或商品</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="47"/>
        <source>it counts {total} trades between {start} and {end}, more than the {most} PackDesk reads from one listing</source>
        <translation>它统计出 {start} 到 {end} 之间有 {total} 笔交易，超过 PackDesk 一次列表读取的上限 {most}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="52"/>
        <source>Taobao did not confirm the shipment.</source>
        <translation>淘宝没有确认这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="53"/>
        <source>Taobao has no trade {order_no}.</source>
        <translation>淘宝上没有交易 {order_no}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="54"/>
        <source>Taobao&apos;s answer about trade {order_no} has no trade in it.</source>
        <translation>淘宝关于交易 {order_no} 的回复里没有交易信息。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="57"/>
        <source>already shipped on the platform (verified)</source>
        <translation>平台上已发货（已核实）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="59"/>
        <source>Shop &apos;{name}&apos; has no API connection (it is filled by imports).</source>
        <translation>店铺“{name}”没有 API 连接（它的订单来自导入）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="60"/>
        <source>Shop &apos;{name}&apos; has no API connection: its orders come from imported files.</source>
        <translation>店铺“{name}”没有 API 连接：它的订单来自导入的文件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="64"/>
        <source>Enter this shipment in the seller centre: shop &apos;{shop}&apos; has no API connection. Bulk-ship file: packdesk outbox export FILE --shop &apos;{shop}&apos;.</source>
        <translation>请在卖家中心录入这次发货：店铺“{shop}”没有 API 连接。批量发货文件：packdesk outbox export FILE --shop &apos;{shop}&apos;。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="69"/>
        <source>Shop &apos;{name}&apos; reports its shipments through its API: `packdesk outbox flush` sends them.</source>
        <translation>店铺“{name}”通过 API 回传发货：`packdesk outbox flush` 会发送它们。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="72"/>
        <source>No shipment waits to be entered in a seller centre.</source>
        <translation>没有等待在卖家中心录入的发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="73"/>
        <source>Shipments of several shops wait for their seller centres ({names}); each takes its own file: add --shop NAME.</source>
        <translation>有多个店铺的发货在等待卖家中心录入（{names}）；每个店铺一个文件：请加上 --shop NAME。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="77"/>
        <source>only part of this order shipped: enter it in the seller centre by hand, item by item</source>
        <translation>这个订单只发了一部分：请在卖家中心逐件手动录入</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="80"/>
        <source>No shipment of shop &apos;{name}&apos; waits to be entered in its seller centre.</source>
        <translation>店铺“{name}”没有等待在卖家中心录入的发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="83"/>
        <source>Not a shipment waiting for the seller centre: {ids} (see `packdesk outbox list`).</source>
        <translation>这些不是等待卖家中心录入的发货：{ids}（见 `packdesk outbox list`）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="86"/>
        <source>No exported shipment waits to be marked entered: export them first (packdesk outbox export FILE), or give their numbers.</source>
        <translation>没有已导出、等待标记为已录入的发货：请先导出（packdesk outbox export FILE），或给出它们的编号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="91"/>
        <source>Name the bulk-ship file .csv or .xlsx (not &apos;{name}&apos;); the seller centre imports those.</source>
        <translation>批量发货文件请命名为 .csv 或 .xlsx（不是“{name}”）；卖家中心只导入这两种。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="94"/>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="95"/>
        <source>Cannot write {path}: {error}.</source>
        <translation>无法写入 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="21"/>
        <source>&apos;{uri}&apos; is not a printer address PackDesk knows. Use one of: {schemes} (for example tcp://192.168.1.50:9100 or png:///home/me/labels).</source>
        <translation>“{uri}”不是 PackDesk 认识的打印机地址。请使用以下之一：{schemes}（例如 tcp://192.168.1.50:9100 或 png:///home/me/labels）。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="26"/>
        <source>&apos;{uri}&apos; names no printer: put the address after {scheme}://</source>
        <translation>“{uri}”没有指定打印机：请在 {scheme}:// 后面写上地址</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="29"/>
        <source>&apos;{uri}&apos;: {reason}</source>
        <translation>“{uri}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="30"/>
        <source>lang={lang} is unknown; a printer speaks escpos, tspl or zpl</source>
        <translation>lang={lang} 未知；打印机语言只能是 escpos、tspl 或 zpl</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="33"/>
        <source>dpi={dpi} is not a thermal printer resolution (203, 300 or 600)</source>
        <translation>dpi={dpi} 不是热敏打印机的分辨率（203、300 或 600）</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="36"/>
        <source>{key}={value} is not a whole number</source>
        <translation>{key}={value} 不是整数</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="37"/>
        <source>{key}={value} is not a number</source>
        <translation>{key}={value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="38"/>
        <source>a network printer needs HOST:PORT with a port, e.g. tcp://192.168.1.50:9100</source>
        <translation>网络打印机需要“主机:端口”形式的地址，例如 tcp://192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="41"/>
        <source>{scheme}:// printers are not supported by PackDesk.</source>
        <translation>PackDesk 不支持 {scheme}:// 打印机。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="44"/>
        <source>Cannot write labels to {folder}: {error}.</source>
        <translation>无法把面单写入 {folder}：{error}。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="46"/>
        <source>label size {size} is not WIDTHxHEIGHT in millimetres, e.g. 100x150</source>
        <translation>标签尺寸 {size} 不是“宽x高”（毫米）格式，例如 100x150</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="49"/>
        <source>label size {size} is outside 20-120 mm wide and 20-300 mm long</source>
        <translation>标签尺寸 {size} 超出范围：宽须在 20-120 毫米，长须在 20-300 毫米</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="53"/>
        <source>Label layout {file} is not valid TOML: {error}</source>
        <translation>面单版式 {file} 不是有效的 TOML：{error}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="54"/>
        <source>label layout {file}: unknown table or key {keys}</source>
        <translation>面单版式 {file}：未知的表或键 {keys}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="57"/>
        <source>label layout {file}: blocks must be distinct names out of {known}; got {blocks}</source>
        <translation>面单版式 {file}：blocks 必须是 {known} 中互不重复的名称；实际为 {blocks}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="60"/>
        <source>label layout {file}: [size.&quot;{size}&quot;]: {reason}</source>
        <translation>面单版式 {file}：[size.&quot;{size}&quot;]：{reason}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="61"/>
        <source>label layout {file}: default_size: {reason}</source>
        <translation>面单版式 {file}：default_size：{reason}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="62"/>
        <source>label layout {file}{table}: &apos;{key}&apos; is not a layout setting (known: {known})</source>
        <translation>面单版式 {file}{table}：“{key}”不是版式设置（可用的有：{known}）</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="65"/>
        <source>label layout {file}{table}: &apos;{key}&apos; must be a {kind}, not {value}</source>
        <translation>面单版式 {file}{table}：“{key}”必须是 {kind}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="68"/>
        <source>label layout {file}{table}: &apos;{key}&apos; cannot be negative</source>
        <translation>面单版式 {file}{table}：“{key}”不能为负数</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="71"/>
        <source>label layout {name}: no value for {keys}</source>
        <translation>面单版式 {name}：缺少 {keys} 的值</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="72"/>
        <source>label layout standard.toml is missing from resources/labels</source>
        <translation>resources/labels 中缺少面单版式 standard.toml</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="76"/>
        <source>Cannot open {path}.</source>
        <translation>无法打开 {path}。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="77"/>
        <source>Cannot open {path}: {error}.</source>
        <translation>无法打开 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="78"/>
        <source>Writing to {path} failed: {error}.</source>
        <translation>写入 {path} 失败：{error}。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="80"/>
        <source>Writing to serial port {port} failed: {error}</source>
        <translation>写入串口 {port} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="81"/>
        <source>The printer at {target} did not answer after the label, so it may not have taken all of it; did it print?</source>
        <translation>{target} 的打印机在面单之后没有应答，可能没有收全；打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="85"/>
        <source>usb://{target} is not VENDOR:PRODUCT in hexadecimal, e.g. usb://0fe6:811e (see lsusb or Device Manager)</source>
        <translation>usb://{target} 不是十六进制的 VENDOR:PRODUCT，例如 usb://0fe6:811e（见 lsusb 或设备管理器）</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="89"/>
        <source>usb://{target}: USB ids are four hexadecimal digits each</source>
        <translation>usb://{target}：USB 编号各为四位十六进制数字</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="92"/>
        <source>USB printing needs the pyusb package, which this installation lacks.</source>
        <translation>USB 打印需要 pyusb 软件包，本安装中没有。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="95"/>
        <source>USB printing needs libusb: install libusb-1.0-0 (Linux), or on Windows give the printer the WinUSB driver (Zadig), or print through the Windows printer with win32://.</source>
        <translation>USB 打印需要 libusb：请安装 libusb-1.0-0（Linux），或在 Windows 上给打印机装 WinUSB 驱动（Zadig），或通过 win32:// 使用 Windows 打印机。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="100"/>
        <source>The USB printer {device} is not connected. Check the cable and that the printer is on.</source>
        <translation>USB 打印机 {device} 没有连接。请检查数据线，并确认打印机已开机。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="103"/>
        <source>No permission to open the USB printer {device}: install packaging/linux/70-packdesk.rules (udev).</source>
        <translation>没有权限打开 USB 打印机 {device}：请安装 packaging/linux/70-packdesk.rules（udev）。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="107"/>
        <source>The USB printer {device} cannot be opened: {error}</source>
        <translation>无法打开 USB 打印机 {device}：{error}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="108"/>
        <source>The USB printer {device} has no output endpoint: it is not a printer.</source>
        <translation>USB 设备 {device} 没有输出端点：它不是打印机。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="111"/>
        <source>The USB printer {device} stopped taking data after {sent} of {total} bytes; the label may be incomplete.</source>
        <translation>USB 打印机 {device} 在收到 {total} 字节中的 {sent} 字节后停止接收；面单可能不完整。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="115"/>
        <source>The USB printer {device} went away while sending ({error}); the label may be incomplete.</source>
        <translation>USB 打印机 {device} 在发送时断开（{error}）；面单可能不完整。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="118"/>
        <source>Printing to a CUPS queue needs the lp command: install cups-client (or cups).</source>
        <translation>打印到 CUPS 队列需要 lp 命令：请安装 cups-client（或 cups）。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="121"/>
        <source>CUPS did not take the job for queue {queue}: {error}</source>
        <translation>CUPS 没有接收队列 {queue} 的任务：{error}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="122"/>
        <source>CUPS refused the job for queue {queue}: {error}</source>
        <translation>CUPS 拒绝了队列 {queue} 的任务：{error}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="123"/>
        <source>lp exited with {code}</source>
        <translation>lp 退出码为 {code}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="124"/>
        <source>win32:// printers are Windows printers; this computer is not running Windows.</source>
        <translation>win32:// 打印机是 Windows 打印机；这台电脑没有运行 Windows。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="127"/>
        <source>Windows printing needs pywin32, which this installation lacks.</source>
        <translation>Windows 打印需要 pywin32，本安装中没有。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="130"/>
        <source>Windows has no printer named &apos;{name}&apos;.</source>
        <translation>Windows 中没有名为“{name}”的打印机。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="131"/>
        <source>The Windows spooler failed for &apos;{name}&apos;: {error}</source>
        <translation>Windows 打印后台处理程序处理“{name}”时出错：{error}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="132"/>
        <source>The Windows spooler took {written} of {total} bytes for &apos;{name}&apos;.</source>
        <translation>Windows 打印后台处理程序只为“{name}”接收了 {total} 字节中的 {written} 字节。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="135"/>
        <source>No printer answers at {address}.</source>
        <translation>{address} 没有打印机应答。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="136"/>
        <source>No printer answers at {address}. Check that it is on and on the network.</source>
        <translation>{address} 没有打印机应答。请确认打印机已开机并已联网。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="139"/>
        <source>The connection to {address} broke while sending; the label may be incomplete.</source>
        <translation>与 {address} 的连接在发送时断开；面单可能不完整。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="142"/>
        <source>The printer at {address} did not confirm it took the whole label (it stopped taking data and did not finish the job); did it print?</source>
        <translation>{address} 的打印机没有确认收到完整面单（它停止接收数据，也没有完成任务）；打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="148"/>
        <source>the printer does not report its status</source>
        <translation>打印机不报告自己的状态</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="149"/>
        <source>the printer&apos;s status answer is not ESC/POS</source>
        <translation>打印机的状态回复不是 ESC/POS</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="150"/>
        <source>the printer&apos;s ~HS answer is not ZPL</source>
        <translation>打印机的 ~HS 回复不是 ZPL</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="151"/>
        <source>no status query for {lang}</source>
        <translation>{lang} 没有状态查询</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="152"/>
        <source>the printer reports it is offline (cover open or error)</source>
        <translation>打印机报告离线（盖子打开或出错）</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="155"/>
        <source>the printer is out of labels</source>
        <translation>打印机没有面单纸了</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="156"/>
        <source>the print head is open</source>
        <translation>打印头打开了</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="157"/>
        <source>the cover is open</source>
        <translation>盖子打开了</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="158"/>
        <source>labels are jammed</source>
        <translation>卡纸了</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="159"/>
        <source>the ribbon is out</source>
        <translation>碳带用完了</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="160"/>
        <source>the printer is paused</source>
        <translation>打印机已暂停</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="161"/>
        <source>printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="162"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="163"/>
        <source>virtual printer writing to {folder}</source>
        <translation>虚拟打印机写入 {folder}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="164"/>
        <source>cannot write to {folder}</source>
        <translation>无法写入 {folder}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="167"/>
        <source>a print component&apos;s address is HOST or HOST:PORT, e.g. {scheme}://127.0.0.1:{port}?printer=NAME</source>
        <translation>打印组件的地址是“主机”或“主机:端口”形式，例如 {scheme}://127.0.0.1:{port}?printer=NAME</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="171"/>
        <source>timeout={value} must be a number of seconds above 0 and at most {most}</source>
        <translation>timeout={value} 必须是大于 0 且不超过 {most} 的秒数</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="174"/>
        <source>Waybill {tracking_no} has no print data from Cainiao or Pinduoduo (its number comes from a number roll or the demo account): a print component prints only e-waybills of a Cainiao or Pinduoduo account. Print it on a label printer instead.</source>
        <translation>面单 {tracking_no} 没有来自菜鸟或拼多多的打印数据（它的单号来自运单号段或演示账号）：打印组件只能打印菜鸟或拼多多账号的电子面单。请改用标签打印机打印。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="180"/>
        <source>The Cainiao print component (菜鸟打印组件) does not answer at {address}: start it, or check the address.</source>
        <translation>{address} 上的菜鸟打印组件没有应答：请启动它，或检查地址。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="184"/>
        <source>The Pinduoduo print component (拼多多打印组件) does not answer at {address}: start it, or check the address.</source>
        <translation>{address} 上的拼多多打印组件没有应答：请启动它，或检查地址。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="188"/>
        <source>What answers at {address} is not a print component ({error}).</source>
        <translation>{address} 上应答的不是打印组件（{error}）。</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="191"/>
        <source>the print component at {address} did not answer</source>
        <translation>{address} 上的打印组件没有应答</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="192"/>
        <source>the print component could not list its printers: {reason}</source>
        <translation>打印组件无法列出它的打印机：{reason}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="195"/>
        <source>the print component lists no printer: connect the label printer and install it in the system</source>
        <translation>打印组件没有列出任何打印机：请连接标签打印机，并在系统中安装它</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="198"/>
        <source>the print component has no printer named &apos;{printer}&apos;; its printers: {printers}</source>
        <translation>打印组件没有名为“{printer}”的打印机；它的打印机有：{printers}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="201"/>
        <source>the print component has no default printer: name one in the address with ?printer= (its printers: {printers})</source>
        <translation>打印组件没有默认打印机：请在地址中用 ?printer= 指定一台（它的打印机有：{printers}）</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="205"/>
        <source>ready: {printer} through the print component</source>
        <translation>就绪：{printer}（通过打印组件）</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="206"/>
        <source>The print component refused waybill {tracking_no}: {reason}</source>
        <translation>打印组件拒绝了面单 {tracking_no}：{reason}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="209"/>
        <source>The print component could not print waybill {tracking_no}: {reason}</source>
        <translation>打印组件无法打印面单 {tracking_no}：{reason}</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="212"/>
        <source>The print component took waybill {tracking_no} but did not say within {seconds} s whether it printed; did it print?</source>
        <translation>打印组件收下了面单 {tracking_no}，但在 {seconds} 秒内没有告知是否已打印；打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="217"/>
        <source>The connection to the print component broke after waybill {tracking_no} was sent; did it print?</source>
        <translation>面单 {tracking_no} 发送后，与打印组件的连接断开了；打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../printers/errors.py" line="221"/>
        <source>it gave no reason</source>
        <translation>它没有给出原因</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="10"/>
        <source>A waybill account needs a name.</source>
        <translation>面单账号需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="11"/>
        <source>Unknown waybill provider &apos;{provider}&apos;. Use one of: {known}.</source>
        <translation>未知的面单服务商“{provider}”。可用的服务商：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="14"/>
        <source>The gateway &apos;{gateway}&apos; is not an http(s) address, e.g. https://gw-api.pinduoduo.com/api/router</source>
        <translation>网关“{gateway}”不是 http(s) 地址，例如 https://gw-api.pinduoduo.com/api/router</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="18"/>
        <source>The account&apos;s {field} is empty.</source>
        <translation>账号的 {field} 为空。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="19"/>
        <source>app key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="20"/>
        <source>client id</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="21"/>
        <source>Kuaidi100 key</source>
        <translation>快递100 Key</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="22"/>
        <source>Cainiao</source>
        <translation>菜鸟</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="23"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="24"/>
        <source>Kuaidi100</source>
        <translation>快递100</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="25"/>
        <source>The waybill account &apos;{name}&apos; needs {needed}.</source>
        <translation>面单账号“{name}”需要 {needed}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="26"/>
        <source>its app secret and session key</source>
        <translation>App Secret 和授权码 (SessionKey)</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="27"/>
        <source>its client secret and access token</source>
        <translation>Client Secret 和 Access Token</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="28"/>
        <source>its Kuaidi100 secret</source>
        <translation>快递100 Secret</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="29"/>
        <source>A Cainiao account needs a Taobao shop whose app key and session it uses (--shop SHOP), or its own gateway and app key (--gateway URL --app-key KEY).</source>
        <translation>菜鸟账号需要指定一个淘宝店铺来使用它的 App Key 和授权码（--shop SHOP），或者使用自己的网关和 App Key（--gateway URL --app-key KEY）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="34"/>
        <source>Shop &apos;{shop}&apos; does not sync through the Taobao Open Platform, so it has no app key and session to lend a Cainiao account: give the account its own gateway and app key.</source>
        <translation>店铺“{shop}”不是通过淘宝开放平台同步的，因此没有 App Key 和授权码可供菜鸟账号使用：请为该账号设置它自己的网关和 App Key。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="39"/>
        <source>A Kuaidi100 account needs the carrier its branch account prints for (--carrier CODE).</source>
        <translation>快递100账号需要指定其网点账号所打印的快递公司（--carrier CODE）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="42"/>
        <source>A number roll needs its carrier, its first number and how many numbers it holds (--carrier CODE --first NO --count N).</source>
        <translation>运单号段需要指定快递公司、起始单号和单号数量（--carrier CODE --first NO --count N）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="47"/>
        <source>A number roll holds at least one number; the count given was {count}.</source>
        <translation>运单号段至少包含一个单号；给出的数量是 {count}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="50"/>
        <source>{number} is not a {carrier} tracking number; they look like {example}.</source>
        <translation>{number} 不是 {carrier} 运单号；这类单号形如 {example}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="53"/>
        <source>The check digit of {number} is wrong: with that serial the {carrier} number is {expected}. Check the first number of the roll.</source>
        <translation>{number} 的校验位不对：按这个序号，{carrier} 单号应为 {expected}。请检查号段的起始单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="58"/>
        <source>A roll of {count} numbers from {number} runs past the last {carrier} tracking number.</source>
        <translation>从 {number} 开始的 {count} 个单号超出了最后一个 {carrier} 运单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="61"/>
        <source>The numbers {first} to {last} overlap the number roll of account &apos;{account}&apos;: a tracking number is never given to two parcels.</source>
        <translation>单号 {first} 到 {last} 与账号“{account}”的运单号段重叠：一个运单号绝不会分给两个包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="66"/>
        <source>The number roll &apos;{name}&apos; exists already and its range cannot change (numbers taken are never given again). Add the new roll under another name.</source>
        <translation>运单号段“{name}”已经存在，它的范围不能更改（已用过的单号不会再分配）。请用另一个名称添加新号段。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="71"/>
        <source>The number roll &apos;{name}&apos; holds {carrier} numbers only.</source>
        <translation>运单号段“{name}”只包含 {carrier} 单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="74"/>
        <source>A waybill account named &apos;{name}&apos; exists already ({kind}); choose another name.</source>
        <translation>已经有名为“{name}”的面单账号（{kind}）；请换一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="77"/>
        <source>Give the shop group or the shop that uses the account, not both.</source>
        <translation>请指定使用该账号的关联店铺组或店铺，不要同时指定两者。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="80"/>
        <source>Say which shops use the waybill account &apos;{name}&apos;: a shop group (--group GROUP) or a shop (--for-shop SHOP). Groups: {groups}. Shops: {shops}.</source>
        <translation>请说明哪些店铺使用面单账号“{name}”：一个关联店铺组（--group GROUP）或一个店铺（--for-shop SHOP）。关联店铺组：{groups}。店铺：{shops}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="85"/>
        <source>The sender name &apos;{name}&apos; is too long: the waybill providers take at most 40 characters.</source>
        <translation>寄件人姓名“{name}”太长：面单服务商最多接受 40 个字符。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="88"/>
        <source>&apos;{phone}&apos; is not a phone number, e.g. 13800000000 or 0571-88888888.</source>
        <translation>“{phone}”不是有效的电话号码，例如 13800000000 或 0571-88888888。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="91"/>
        <source>The shop group &apos;{group}&apos; has no sender name or phone: {provider} needs both with every number. Set them before printing.</source>
        <translation>关联店铺组“{group}”没有寄件人姓名或电话：{provider} 每次取号都需要这两项。请在打印前设置。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="96"/>
        <source>The balance warning threshold must be 0 or more; it was {value}.</source>
        <translation>余额预警阈值必须大于或等于 0；填写的是 {value}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="99"/>
        <source>This installation of PackDesk cannot reach {kind} waybill accounts: its provider is missing.</source>
        <translation>本安装的 PackDesk 无法连接 {kind} 面单账号：缺少对应的服务商模块。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="103"/>
        <source>The provider says the account &apos;{name}&apos; is subscribed to no carrier. Subscribe to a carrier&apos;s e-waybills (开通电子面单) first.</source>
        <translation>服务商表示账号“{name}”没有开通任何快递公司。请先开通快递公司的电子面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="108"/>
        <source>The account &apos;{name}&apos; is not subscribed to {carrier}; it is to: {known}.</source>
        <translation>账号“{name}”没有开通 {carrier}；已开通的是：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="111"/>
        <source>The provider returned no sender address &apos;{address_id}&apos; for the account &apos;{name}&apos;. It returned: {known}.</source>
        <translation>服务商没有返回账号“{name}”的寄件地址“{address_id}”。返回的是：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="115"/>
        <source>The provider returned several sender addresses for the account &apos;{name}&apos;; choose one (--address-id): {known}.</source>
        <translation>服务商为账号“{name}”返回了多个寄件地址；请选择一个（--address-id）：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="120"/>
        <source>No waybill account named &apos;{name}&apos;. Accounts here: {names}.</source>
        <translation>没有名为“{name}”的面单账号。已有的账号：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_accounts.py" line="123"/>
        <source>No waybill account named &apos;{name}&apos;. There are none yet: add one with `waybill add`.</source>
        <translation>没有名为“{name}”的面单账号。还没有任何面单账号：请用 `waybill add` 添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="14"/>
        <source>Cainiao refused a waybill number for order {order_no}: {words} ({code})</source>
        <translation>菜鸟拒绝为订单 {order_no} 分配运单号：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="17"/>
        <source>Order {order_no} cannot get a Cainiao waybill number: its receiver&apos;s province, city, district or street address is missing. Complete the address, then print again.</source>
        <translation>订单 {order_no} 无法获取菜鸟运单号：收件人的省、市、区/县或详细地址缺失。请补全地址后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="22"/>
        <source>Order {order_no} cannot get a Cainiao waybill number: its receiver&apos;s name or phone number is missing.</source>
        <translation>订单 {order_no} 无法获取菜鸟运单号：收件人的姓名或电话缺失。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="27"/>
        <source>The Cainiao waybill account &apos;{account}&apos; cannot issue {carrier} numbers: {words} ({code})</source>
        <translation>菜鸟面单账号“{account}”无法分配 {carrier} 单号：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="30"/>
        <source>The Cainiao waybill account &apos;{account}&apos; has no {carrier} numbers left ({words}). Top it up with the carrier&apos;s branch, then print again.</source>
        <translation>菜鸟面单账号“{account}”的 {carrier} 单号已用完（{words}）。请联系快递网点充值，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="35"/>
        <source>Taobao no longer accepts the session key of the waybill account &apos;{account}&apos; (it expired or was revoked). Authorise it again, then add the account again with `packdesk waybill add`.</source>
        <translation>淘宝不再接受面单账号“{account}”的授权码 (SessionKey)（已过期或被撤销）。请重新授权，然后用 `packdesk waybill add` 重新添加该账号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="40"/>
        <source>Taobao refused the app key or app secret of the waybill account &apos;{account}&apos;: {words} ({code}). Check them, then add the account again with `packdesk waybill add`.</source>
        <translation>淘宝拒绝了面单账号“{account}”的 App Key 或 App Secret：{words}（{code}）。请检查后用 `packdesk waybill add` 重新添加该账号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="45"/>
        <source>The Cainiao waybill account &apos;{account}&apos; has no gateway or app key. Add it again with `packdesk waybill add`.</source>
        <translation>菜鸟面单账号“{account}”没有网关或 App Key。请用 `packdesk waybill add` 重新添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="49"/>
        <source>The app secret and session key of the Cainiao waybill account &apos;{account}&apos; cannot be read: {reason}</source>
        <translation>无法读取菜鸟面单账号“{account}”的 App Secret 和授权码 (SessionKey)：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="53"/>
        <source>The Cainiao waybill account &apos;{account}&apos; has no sender address chosen. Choose one of the addresses Cainiao returned for it (`packdesk waybill add ... --address-id`).</source>
        <translation>菜鸟面单账号“{account}”没有选择寄件地址。请从菜鸟为它返回的地址中选择一个（`packdesk waybill add ... --address-id`）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="58"/>
        <source>The sender of the Cainiao waybill account &apos;{account}&apos; has no name or phone number: set them for its shop group.</source>
        <translation>菜鸟面单账号“{account}”的寄件人没有姓名或电话：请为它的关联店铺组设置。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="64"/>
        <source>Cainiao refused {method} for the waybill account &apos;{account}&apos;: {words} ({code})</source>
        <translation>菜鸟拒绝了面单账号“{account}”的 {method}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="68"/>
        <source>Cainiao has no live waybill {tracking_no} to print again: {words} ({code})</source>
        <translation>菜鸟没有可重新打印的有效面单 {tracking_no}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="71"/>
        <source>Cainiao refused to cancel waybill {tracking_no}: {words} ({code})</source>
        <translation>菜鸟拒绝取消面单 {tracking_no}：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="74"/>
        <source>Cainiao refused to change the receiver of waybill {tracking_no}: {words} ({code})</source>
        <translation>菜鸟拒绝修改面单 {tracking_no} 的收件人：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="78"/>
        <location filename="../../app/domain/catalog_pdd.py" line="110"/>
        <source>the answer has no number for request {object_id}</source>
        <translation>回复中没有请求 {object_id} 的单号</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_cainiao.py" line="79"/>
        <location filename="../../app/domain/catalog_pdd.py" line="111"/>
        <source>the print data of waybill {tracking_no} cannot be read: {error}</source>
        <translation>无法读取面单 {tracking_no} 的打印数据：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="10"/>
        <source>Kuaidi100 refused the number request ({code}): {words}</source>
        <translation>快递100拒绝了取号请求（{code}）：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="11"/>
        <source>Kuaidi100 did not cancel {tracking_no} ({code}): {words}</source>
        <translation>快递100没有取消 {tracking_no}（{code}）：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="14"/>
        <source>Kuaidi100 did not return the label of {tracking_no} again ({code}: {words}). It answers a repeated order for 48 hours only: print PackDesk&apos;s own label of this number instead.</source>
        <translation>快递100没有再次返回 {tracking_no} 的面单（{code}：{words}）。它只在 48 小时内响应重复下单：请改为打印 PackDesk 自己生成的该单号面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="19"/>
        <source>Kuaidi100 answered a new number {new_no} instead of the label of {tracking_no}; PackDesk cancelled {new_no}. Print PackDesk&apos;s own label of {tracking_no} instead.</source>
        <translation>快递100返回了新单号 {new_no}，而不是 {tracking_no} 的面单；PackDesk 已取消 {new_no}。请改为打印 PackDesk 自己生成的 {tracking_no} 面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="24"/>
        <source>Kuaidi100 answered a new number {new_no} instead of the label of {tracking_no}, and cancelling {new_no} failed ({reason}). Ask the carrier branch to cancel {new_no}; print PackDesk&apos;s own label of {tracking_no}.</source>
        <translation>快递100返回了新单号 {new_no}，而不是 {tracking_no} 的面单，并且取消 {new_no} 失败（{reason}）。请联系快递网点取消 {new_no}；打印 PackDesk 自己生成的 {tracking_no} 面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="29"/>
        <source>Kuaidi100 cannot change the receiver of a number already issued: the number is cancelled and a new one taken.</source>
        <translation>快递100无法修改已分配单号的收件人：该单号已取消，并重新取了一个新单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="34"/>
        <source>The Kuaidi100 account &apos;{account}&apos; has no API address or key: add it again with --gateway and --key.</source>
        <translation>快递100账号“{account}”没有 API 地址或 Key：请用 --gateway 和 --key 重新添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="38"/>
        <source>The Kuaidi100 address &apos;{gateway}&apos; of account &apos;{account}&apos; is not an http(s) address, e.g. https://api.kuaidi100.com/label/order</source>
        <translation>账号“{account}”的快递100地址“{gateway}”不是 http(s) 地址，例如 https://api.kuaidi100.com/label/order</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="43"/>
        <source>The Kuaidi100 account &apos;{account}&apos; has no branch account id (partnerId): add it again with PACKDESK_PARTNER_ID set to the id the carrier branch gave you.</source>
        <translation>快递100账号“{account}”没有网点账号 ID（partnerId）：请把 PACKDESK_PARTNER_ID 设为快递网点给您的 ID，然后重新添加该账号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="48"/>
        <source>Kuaidi100 has no company code for the carrier &apos;{carrier}&apos;. Carriers it serves here: {known}.</source>
        <translation>快递100没有快递公司“{carrier}”的公司编码。这里支持的快递公司：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="51"/>
        <source>The Kuaidi100 account &apos;{account}&apos; has no sender address: set the sender of the shop group it serves first.</source>
        <translation>快递100账号“{account}”没有寄件地址：请先为它所服务的关联店铺组设置寄件人。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="55"/>
        <source>Order {order_no} cannot get a Kuaidi100 number: the receiver needs a name, a phone number and an address.</source>
        <translation>订单 {order_no} 无法获取快递100单号：收件人需要姓名、电话和地址。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="60"/>
        <source>Kuaidi100 could not be reached for {method}: {failure}. PackDesk will try again later.</source>
        <translation>{method} 无法连接快递100：{failure}。PackDesk 稍后会重试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="63"/>
        <source>cannot reach Kuaidi100 ({error})</source>
        <translation>连不上快递100（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="64"/>
        <source>Kuaidi100 answered HTTP {status}</source>
        <translation>快递100返回 HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="65"/>
        <source>Kuaidi100 limited the calls for {seconds} s</source>
        <translation>快递100限制调用 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="66"/>
        <source>Kuaidi100 is busy</source>
        <translation>快递100繁忙</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="67"/>
        <source>The connection to Kuaidi100 broke during {method}; it may have been applied. Asking again is safe: the same order id gets the first number back, never a second one, and a cancel asked again changes nothing.</source>
        <translation>{method} 进行中与快递100的连接断开了；操作可能已经生效。再次请求是安全的：同一个订单 ID 只会取回第一次的单号，绝不会再分配第二个；再次请求取消也不会改变任何东西。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="72"/>
        <source>Kuaidi100 failed (HTTP {status}) during {method}.</source>
        <translation>快递100在 {method} 时出错（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="73"/>
        <source>Kuaidi100 failed during {method}: {words}</source>
        <translation>快递100在 {method} 时出错：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="74"/>
        <source>Kuaidi100 ({gateway}) took the request but answered no tracking number PackDesk can read ({why}). PackDesk asks again with the same order id.</source>
        <translation>快递100（{gateway}）接收了请求，但没有返回 PackDesk 能读取的运单号（{why}）。PackDesk 会用同一个订单 ID 再次请求。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="79"/>
        <source>Kuaidi100&apos;s answer has no label image link</source>
        <translation>快递100的回复中没有面单图片链接</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="80"/>
        <source>Kuaidi100&apos;s address {gateway} answered HTTP {status}: check the account&apos;s API address.</source>
        <translation>快递100的地址 {gateway} 返回 HTTP {status}：请检查该账号的 API 地址。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_kuaidi100.py" line="83"/>
        <source>The label image of {tracking_no} could not be downloaded from Kuaidi100 ({failure}). The number is kept: try the print again later.</source>
        <translation>无法从快递100下载 {tracking_no} 的面单图片（{failure}）。单号已保留：请稍后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="12"/>
        <source>the barcode is empty</source>
        <translation>条码为空</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="13"/>
        <source>barcode {code} is in scientific notation: Excel destroyed its digits; format the column as text and type the barcodes again</source>
        <translation>条码 {code} 是科学计数法：Excel 破坏了它的数字；请把该列设为文本格式，再重新输入条码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="18"/>
        <source>barcode {code} is longer than the {most} characters a barcode can have</source>
        <translation>条码 {code} 超过了条码的最大长度（{most} 个字符）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="21"/>
        <source>barcode &apos;{code}&apos; holds spaces or invisible characters a scanner never sends</source>
        <translation>条码“{code}”含有空格或不可见字符，扫描枪从不会发送这些字符</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="24"/>
        <source>barcode {code} is not a valid {kind}: its check digit is {digit}, the digits before it need {expected} (a typo?)</source>
        <translation>条码 {code} 不是有效的 {kind}：它的校验位是 {digit}，按前面的数字应为 {expected}（输错了？）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="29"/>
        <source>barcode {code} is a GS1 case code (packaging indicator {indicator}), not a single piece&apos;s: give it as a case pack with how many pieces the case holds</source>
        <translation>条码 {code} 是 GS1 箱码（包装指示符 {indicator}），不是单件商品的条码：请把它填为整箱条码，并写明一箱装多少件</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="34"/>
        <source>case pack {code} must hold 2 to {most} pieces; it says {units}</source>
        <translation>整箱条码 {code} 必须对应 2 到 {most} 件；填写的是 {units}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="37"/>
        <source>barcode {code} already belongs to SKU {owner}, so it cannot also be SKU {sku}: one barcode names one SKU</source>
        <translation>条码 {code} 已属于 SKU {owner}，不能再属于 SKU {sku}：一个条码只能对应一个 SKU</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="41"/>
        <source>barcode {code} is given to SKU {owner} on row {row}, so it cannot also be SKU {sku}: one barcode names one SKU</source>
        <translation>条码 {code} 在第 {row} 行已分配给 SKU {owner}，不能再属于 SKU {sku}：一个条码只能对应一个 SKU</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="46"/>
        <source>barcode {code} is given both as a single piece and as a case pack</source>
        <translation>条码 {code} 同时被填为单件条码和整箱条码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="50"/>
        <source>SKU {sku} is already on row {row}: give each SKU one row (several barcodes go in one cell, separated by commas)</source>
        <translation>SKU {sku} 已在第 {row} 行：每个 SKU 只占一行（多个条码填在同一个单元格里，用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="55"/>
        <source>SKU &apos;{sku}&apos; is longer than the {most} characters a merchant code can have</source>
        <translation>SKU“{sku}”超过了商家编码的最大长度（{most} 个字符）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="58"/>
        <source>No SKU {sku} in the catalogue. Import the product sheet first, or use a SKU of a waiting order.</source>
        <translation>商品库中没有 SKU {sku}。请先导入商品表，或使用待发货订单中的 SKU。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="62"/>
        <source>One scan of a barcode counts 1 to {most} pieces (1 for a single piece, more for a case pack), not {units}.</source>
        <translation>扫一次条码计 1 到 {most} 件（单件为 1，整箱更多），不能是 {units}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="67"/>
        <source>Barcode {code} is not bound to SKU {sku} (no SKU holds it): nothing to remove.</source>
        <translation>条码 {code} 没有绑定到 SKU {sku}（没有任何 SKU 使用它）：无需移除。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="70"/>
        <source>Barcode {code} belongs to SKU {owner}, not to SKU {sku}: nothing removed.</source>
        <translation>条码 {code} 属于 SKU {owner}，不属于 SKU {sku}：未移除任何条码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="74"/>
        <source>is an old .xls workbook or a password-protected one: save it in Excel as .xlsx (without a password) or as CSV</source>
        <translation>是旧版 .xls 工作簿或有密码保护的工作簿：请在 Excel 中另存为 .xlsx（不设密码）或 CSV</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="78"/>
        <source>is neither an Excel workbook (.xlsx) nor a CSV file in UTF-8 or GBK</source>
        <translation>既不是 Excel 工作簿（.xlsx），也不是 UTF-8 或 GBK 编码的 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="81"/>
        <source>is not a readable Excel workbook ({error})</source>
        <translation>不是可读的 Excel 工作簿（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="82"/>
        <source>has no SKU column PackDesk recognises (SKU, 商家编码, outer id...); its first row reads: {first}. Say which column holds the SKU (on the command line: --map sku=HEADER)</source>
        <translation>没有 PackDesk 能识别的 SKU 列（SKU、商家编码、outer id...）；它的第一行是：{first}。请指明哪一列是 SKU（命令行中用：--map sku=HEADER）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="87"/>
        <source>has no column &apos;{header}&apos; (asked for by {field}); its columns are: {headers}</source>
        <translation>没有“{header}”列（{field} 指定的列）；现有的列：{headers}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="90"/>
        <source>holds no rows under its header</source>
        <translation>表头下面没有任何数据行</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="92"/>
        <source>--map names an unknown field &apos;{field}&apos;. Fields: {known}.</source>
        <translation>--map 指定了未知的字段“{field}”。可用的字段：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="95"/>
        <source>--map takes FIELD=HEADER, like barcode=条形码; &apos;{text}&apos; is not.</source>
        <translation>--map 的格式是 FIELD=HEADER（字段=表头），例如 barcode=条形码；“{text}”不符合。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="98"/>
        <source>The column &apos;{header}&apos; is mapped to both {first} and {second}.</source>
        <translation>列“{header}”同时映射到了 {first} 和 {second}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="102"/>
        <source>has no SKU ({column} is empty)</source>
        <translation>没有 SKU（{column} 为空）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="103"/>
        <source>&apos;{value}&apos; is not a weight (grams, or a number with g or kg)</source>
        <translation>“{value}”不是重量（克数，或带 g 或 kg 的数字）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="106"/>
        <source>&apos;{value}&apos; is not a parcel item&apos;s weight (0 to {most} g)</source>
        <translation>“{value}”不是包裹内商品的重量（0 到 {most} 克）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="109"/>
        <source>&apos;{value}&apos; is not a whole number of pieces</source>
        <translation>“{value}”不是整数件数</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="110"/>
        <source>&apos;{value}&apos; is out of range (0 to {most})</source>
        <translation>“{value}”超出范围（0 到 {most}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="111"/>
        <source>has a case-pack barcode but no unit count ({column} is empty)</source>
        <translation>有整箱条码，但没有每箱件数（{column} 为空）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="114"/>
        <source>{column}: {reason}</source>
        <translation>{column}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="115"/>
        <source>&apos;{value}&apos; is longer than the {most} characters this column can hold</source>
        <translation>“{value}”超过了该列最多能容纳的 {most} 个字符</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="119"/>
        <source>SKU (merchant code)</source>
        <translation>SKU（商家编码）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="120"/>
        <source>item code (outer id)</source>
        <translation>商品编码（outer id）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="121"/>
        <source>platform SKU id</source>
        <translation>平台 SKU ID</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="122"/>
        <source>platform item id</source>
        <translation>平台商品 ID</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="123"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="124"/>
        <source>spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="125"/>
        <source>barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="126"/>
        <source>case-pack barcode</source>
        <translation>整箱条码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="127"/>
        <source>pieces per case</source>
        <translation>每箱件数</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="128"/>
        <source>weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="129"/>
        <source>weight (kg)</source>
        <translation>重量（千克）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="130"/>
        <source>stock on hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="131"/>
        <source>safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_products.py" line="132"/>
        <source>price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="11"/>
        <source>The waybill account &apos;{account}&apos; has no {carrier} numbers left: nothing was asked for order {order_no}. Top the account up with the carrier&apos;s branch, refresh its balance, then print again.</source>
        <translation>面单账号“{account}”的 {carrier} 单号已用完：没有为订单 {order_no} 申请单号。请联系快递网点为账号充值，刷新余额，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="16"/>
        <source>No number was taken for order {order_no}; print it again when the connection is back. The waybill account &apos;{account}&apos; ({carrier}) cannot be reached: {reason}</source>
        <translation>没有为订单 {order_no} 取号；请在网络恢复后重新打印。无法连接面单账号“{account}”（{carrier}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="21"/>
        <source>Print order {order_no} again: PackDesk first looks up whether a number was issued, and never takes a second one. The answer of the waybill account &apos;{account}&apos; ({carrier}) was lost: {reason}</source>
        <translation>请重新打印订单 {order_no}：PackDesk 会先查询是否已分配单号，绝不会再取第二个。面单账号“{account}”（{carrier}）的回复丢失了：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="26"/>
        <source>Order {order_no} has no number yet: its waybill account gave none. Print it again.</source>
        <translation>订单 {order_no} 还没有单号：它的面单账号没有返回单号。请重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="29"/>
        <source>the provider answered the batch without this parcel</source>
        <translation>服务商返回的批量结果中没有这个包裹</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="30"/>
        <source>The waybill account &apos;{account}&apos; refused a {carrier} number for order {order_no}: {reason}</source>
        <translation>面单账号“{account}”拒绝为订单 {order_no} 分配 {carrier} 单号：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="34"/>
        <source>Order {order_no} was not numbered, and the rest of the batch on this account was not asked. The waybill account &apos;{account}&apos; cannot issue {carrier} numbers now: {reason}</source>
        <translation>订单 {order_no} 没有取到单号，这个账号上本批次的其余订单也没有申请。面单账号“{account}”现在无法分配 {carrier} 单号：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="39"/>
        <source>Order {order_no} asked the waybill account &apos;{account}&apos; for a number before, and PackDesk does not ask again before it has looked up that request. Print it again later; the look-up failed: {reason}</source>
        <translation>订单 {order_no} 之前已向面单账号“{account}”申请过单号，在查清那次申请之前，PackDesk 不会再次申请。请稍后重新打印；查询失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="44"/>
        <source>The waybill account &apos;{account}&apos; answered {tracking_no} for order {order_no}, but that number is already on order {other}: it was not used. Print order {order_no} again for another number.</source>
        <translation>面单账号“{account}”为订单 {order_no} 返回了 {tracking_no}，但这个单号已用在订单 {other} 上：未使用该单号。请重新打印订单 {order_no} 以获取另一个单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="49"/>
        <source>Order {order_no} changed while its number was being asked ({reason}): the number {tracking_no} is not used and will be cancelled.</source>
        <translation>订单 {order_no} 在申请单号期间发生了变化（{reason}）：单号 {tracking_no} 不会使用，将被取消。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="54"/>
        <source>it has a number already</source>
        <translation>它已经有单号了</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="55"/>
        <source>Order {order_no} no longer needed this number when it arrived: to cancel.</source>
        <translation>单号返回时，订单 {order_no} 已不再需要它：待取消。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="58"/>
        <source>Order {order_no} no longer needed a number: the request was withdrawn before it was asked.</source>
        <translation>订单 {order_no} 已不再需要单号：请求在发出之前已撤回。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="62"/>
        <source>Address changed for order {order_no}: number {tracking_no} kept, label updated with the new address.</source>
        <translation>订单 {order_no} 地址已变更：单号 {tracking_no} 保留，面单已更新为新地址。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="66"/>
        <source>Address changed for order {order_no}: the provider could not update number {old} ({reason}); it is cancelled and the parcel has a new number, {tracking_no}. Use the new label only.</source>
        <translation>订单 {order_no} 地址已变更：服务商无法更新单号 {old}（{reason}）；该单号已取消，包裹换了新单号 {tracking_no}。请只使用新面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="71"/>
        <source>The address of order {order_no} changed after its number {tracking_no} was issued: its old label must not be used. Print it again once the waybill account &apos;{account}&apos; can update the number; it could not now: {reason}</source>
        <translation>订单 {order_no} 的地址在单号 {tracking_no} 分配后发生了变更：不能再使用旧面单。请在面单账号“{account}”能够更新该单号后重新打印；现在无法更新：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="78"/>
        <source>No parcel or waybill number {tracking_no} is known here. Check the number.</source>
        <translation>这里没有包裹或运单号 {tracking_no}。请核对单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="81"/>
        <source>Number {tracking_no} cannot be cancelled: its parcel (order {order_no}) has shipped, and a shipped number travels with it.</source>
        <translation>单号 {tracking_no} 不能取消：它的包裹（订单 {order_no}）已发货，已发货的单号随包裹一起走。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="86"/>
        <source>Number {tracking_no} (order {order_no}) is voided: it comes from a number roll, which has nobody to cancel it with, and is never used again.</source>
        <translation>单号 {tracking_no}（订单 {order_no}）已作废：它来自运单号段，没有可向其取消的服务商，并且以后不会再用。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="91"/>
        <source>Number {tracking_no} (order {order_no}) is cancelled with the waybill account &apos;{account}&apos;.</source>
        <translation>单号 {tracking_no}（订单 {order_no}）已在面单账号“{account}”中取消。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="94"/>
        <source>Number {tracking_no} (order {order_no}) was cancelled before.</source>
        <translation>单号 {tracking_no}（订单 {order_no}）之前已经取消。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="97"/>
        <source>Number {tracking_no} (order {order_no}) is voided and will be cancelled with the next outbox round; the waybill account &apos;{account}&apos; could not be told now: {reason}</source>
        <translation>单号 {tracking_no}（订单 {order_no}）已作废，将在下一轮回传时取消；现在无法通知面单账号“{account}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="102"/>
        <source>The waybill account &apos;{account}&apos; refused to cancel number {tracking_no} (order {order_no}): {reason}</source>
        <translation>面单账号“{account}”拒绝取消单号 {tracking_no}（订单 {order_no}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_waybills.py" line="106"/>
        <source>The waybill account of number {tracking_no} no longer exists here.</source>
        <translation>单号 {tracking_no} 的面单账号在这里已不存在。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="11"/>
        <source>barcode &apos;{code}&apos; left out: {reason}</source>
        <translation>条码“{code}”未录入：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="12"/>
        <source>the merchant code &apos;{sku}&apos; is longer than {most} characters; the SKU is left out</source>
        <translation>商家编码“{sku}”超过 {most} 个字符，该 SKU 未录入</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="15"/>
        <source>another SKU of this sync has the same merchant code &apos;{sku}&apos;; this one is left out</source>
        <translation>本次同步中另一个 SKU 的商家编码也是“{sku}”，此 SKU 未录入</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="18"/>
        <source>Shop &apos;{name}&apos; has no API connection, so its catalogue cannot be synced: import its product sheet instead.</source>
        <translation>店铺“{name}”未接入 API，无法同步商品资料：请改为导入其商品表。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="22"/>
        <source>Shop &apos;{name}&apos; is a {platform} shop: PackDesk syncs the catalogue of Taobao and Tmall shops; import its product sheet instead.</source>
        <translation>店铺“{name}”是{platform}店铺：PackDesk 只同步淘宝和天猫店铺的商品资料；请改为导入其商品表。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="28"/>
        <source>Taobao&apos;s answer about item {item_id} has no item in it; the stock of {sku} is checked again.</source>
        <translation>淘宝关于商品 {item_id} 的应答中没有商品信息；将再次核对 {sku} 的库存。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="31"/>
        <source>Shop &apos;{name}&apos; has no API connection: PackDesk cannot push its stock to the platform.</source>
        <translation>店铺“{name}”未接入 API：PackDesk 无法将其库存推送到平台。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="34"/>
        <source>Taobao&apos;s item {item_id} has no SKU {sku_id} any more, so the stock of {sku} cannot be sent: sync the catalogue again.</source>
        <translation>淘宝商品 {item_id} 已没有 SKU {sku_id}，无法发送 {sku} 的库存：请重新同步商品资料。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_catalogue_sync.py" line="39"/>
        <source>The stock of {sku} was not sent: {reason}</source>
        <translation>{sku} 的库存未发送：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="10"/>
        <source>No product &apos;{sku}&apos; in the catalogue: import the product sheet first, or check the SKU.</source>
        <translation>商品库中没有商品“{sku}”：请先导入商品表，或检查 SKU。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="13"/>
        <source>{on_hand} is not a stock figure for {sku}: give a whole number from 0 to {most}.</source>
        <translation>{on_hand} 不是 {sku} 的有效库存数：请填写 0 到 {most} 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="16"/>
        <source>An adjustment of 0 changes nothing: give +N or -N.</source>
        <translation>调整数量为 0 不会有任何变化：请填写 +N 或 -N。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="17"/>
        <source>{sku} has {on_hand} on hand: taking {units} off would leave less than none. Nothing was changed.</source>
        <translation>{sku} 现有库存 {on_hand}：扣减 {units} 后库存将小于零。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="21"/>
        <source>Say why the stock changes: the reason is kept with the change.</source>
        <translation>请说明库存变动的原因：原因会随这次变动一起记录。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="24"/>
        <source>The limit must be at least 1.</source>
        <translation>数量上限至少为 1。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="25"/>
        <source>Order {order_no} is not out of stock: there is no shortage to override.</source>
        <translation>订单 {order_no} 并未缺货：没有需要放行的缺货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="28"/>
        <source>Overriding a shortage needs a reason: it is kept in the audit log.</source>
        <translation>放行缺货需要填写原因：原因会记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="32"/>
        <source>Order {order_no} is out of stock (missing {short}): it prints once stock arrives, or after a supervisor overrides the shortage.</source>
        <translation>订单 {order_no} 缺货（缺 {short}）：到货后即可打印，或由主管放行缺货后打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_stock.py" line="37"/>
        <source>Out of stock: missing {short}. Put this order aside until stock arrives, or ask a supervisor to override.</source>
        <translation>缺货：缺 {short}。请先把此订单放在一边等到货，或请主管放行。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="10"/>
        <source>PackDesk cannot fill numbers of carrier &apos;{carrier}&apos; by itself. It can for: {known}.</source>
        <translation>PackDesk 无法自动填充快递公司“{carrier}”的单号。可自动填充的有：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="13"/>
        <source>{number} is a 12-digit SF number: its last digit is a check digit whose rule SF does not publish, so PackDesk cannot fill the numbers after it. Type each number, or use SF numbers that start with SF.</source>
        <translation>{number} 是 12 位顺丰单号：最后一位是校验位，顺丰未公开其规则，PackDesk 无法推算后面的单号。请逐个输入单号，或使用以 SF 开头的顺丰单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="18"/>
        <source>{number} is not a valid {carrier} number: its check digit is wrong (did you mean {expected}?).</source>
        <translation>{number} 不是有效的{carrier}单号：校验位不对（是否应为 {expected}？）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="21"/>
        <source>{number} is not a {carrier} number. {carrier} numbers look like: {examples}.</source>
        <translation>{number} 不是{carrier}单号。{carrier}单号的样子：{examples}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="24"/>
        <source>{count} numbers from {number} would run past the last number of its format: only {room} are left. Ship fewer orders, or start from another roll.</source>
        <translation>从 {number} 起的 {count} 个单号会超出该号段格式的最后一个号：只剩 {room} 个。请少选几个订单，或换一卷面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="29"/>
        <source>{count} orders were given one tracking number: add --auto-fill to number them from it, or ship them one at a time.</source>
        <translation>{count} 个订单只给了一个运单号：加上 --auto-fill 从它起自动填充，或逐个发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="34"/>
        <source>No orders were given to ship.</source>
        <translation>没有给出要发货的订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="35"/>
        <source>Order {order_no} has no carrier chosen: choose one first.</source>
        <translation>订单 {order_no} 还没有选择快递公司：请先选择。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="36"/>
        <source>Order {order_no} goes with {carrier}, not {expected}: one roll&apos;s numbers serve one carrier.</source>
        <translation>订单 {order_no} 走{carrier}，不是{expected}：一卷面单的单号只能用于一家快递。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="40"/>
        <source>Tracking number {number} was issued by an online waybill account to order {order_no}: it cannot go on another order.</source>
        <translation>运单号 {number} 已由电子面单账户分配给订单 {order_no}：不能用于其他订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="45"/>
        <source>Order {order_no}: its shops&apos; waybill account for {carrier} is not a number roll, so there are no roll numbers to fill. Type the first number instead.</source>
        <translation>订单 {order_no}：其店铺的{carrier}面单账户不是号段，没有可填充的号段单号。请改为输入第一个单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="50"/>
        <source>Order {order_no}: the number roll &apos;{account}&apos; has no numbers left.</source>
        <translation>订单 {order_no}：号段“{account}”已没有剩余单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="53"/>
        <source>Order {order_no}: number {number} of the roll &apos;{account}&apos; was taken meanwhile (by another station or batch). Review the batch again.</source>
        <translation>订单 {order_no}：号段“{account}”的单号 {number} 已被占用（其他工位或批次）。请重新核对这批订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="58"/>
        <source>Order {order_no} cannot ship: it is on hold ({reason}).</source>
        <translation>订单 {order_no} 无法发货：已挂起（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_batch_ship.py" line="59"/>
        <source>Order {order_no} is out of stock (missing {short}): it ships once stock arrives, or after a supervisor overrides the shortage.</source>
        <translation>订单 {order_no} 缺货（缺 {short}）：到货后或主管放行缺货后才能发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd_ship.py" line="10"/>
        <source>Pinduoduo refused the shipment of order {order_no}: {words} ({code})</source>
        <translation>拼多多拒绝了订单 {order_no} 的发货：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd_ship.py" line="13"/>
        <source>Pinduoduo did not confirm the shipment.</source>
        <translation>拼多多未确认该发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd_ship.py" line="14"/>
        <source>Pinduoduo does not list the carrier {carrier} for order {order_no}. Ship it with a carrier Pinduoduo knows.</source>
        <translation>拼多多的快递公司列表中没有 {carrier}（订单 {order_no}）。请改用拼多多支持的快递公司发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd_ship.py" line="18"/>
        <source>Pinduoduo has no order {order_no}.</source>
        <translation>拼多多没有订单 {order_no}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd_ship.py" line="19"/>
        <source>Pinduoduo did not decrypt the receiver of order {order_no}: {words} ({code})</source>
        <translation>拼多多未能解密订单 {order_no} 的收件人：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_pdd_ship.py" line="22"/>
        <source>The Pinduoduo shop {shop} has no API connection here, so the receivers of its orders cannot be decrypted for this waybill account. Connect the shop, or print its orders with a Pinduoduo e-waybill account.</source>
        <translation>拼多多店铺 {shop} 在此未连接接口，无法为此面单账号解密其订单的收件人。请连接该店铺，或用拼多多电子面单账号打印其订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="10"/>
        <source>The report starts on {date_from}, after it ends on {date_to}: give the earlier date first.</source>
        <translation>报表开始于 {date_from},却晚于结束日 {date_to}:请先写较早的日期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="13"/>
        <source>&apos;{text}&apos; is not a date: write it as YYYY-MM-DD, e.g. 2026-03-01.</source>
        <translation>“{text}”不是日期:请写成 YYYY-MM-DD,例如 2026-03-01。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="16"/>
        <source>A report covers at most {most} days; {days} were asked for.</source>
        <translation>一份报表最多 {most} 天;所要的是 {days} 天。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="19"/>
        <source>Keep the history&apos;s detail for at least {least} days (&apos;{text}&apos; was given).</source>
        <translation>历史明细至少保留 {least} 天(给的是“{text}”)。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="22"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}:{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="23"/>
        <source>{sku}: {waiting} units wait to ship but only {on_hand} are on hand. Restock {short} or more.</source>
        <translation>{sku}:{waiting} 件等待发货,但库存只有 {on_hand} 件。请至少补货 {short} 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="27"/>
        <source>The backlog grows fastest between {hour}:00 and {next_hour}:00 (about {rate} more orders a day than leave): put more packers on then.</source>
        <translation>积压增长最快的时段是 {hour}:00 到 {next_hour}:00(每天进单比出单多约 {rate} 单):这时多安排打包人员。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="32"/>
        <source>The slowest step is {step}: half the orders take {hours} h or more there.</source>
        <translation>最慢的环节是{step}:一半订单在这里要 {hours} 小时或更久。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="35"/>
        <source>from payment to the printed waybill</source>
        <translation>从付款到打印面单</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="36"/>
        <source>from the printed waybill to shipment</source>
        <translation>从打印面单到发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="37"/>
        <source>The bill {path} cannot be read: {error}. Save it as CSV (UTF-8 or GB18030) or .xlsx.</source>
        <translation>无法读取账单 {path}:{error}。请存为 CSV(UTF-8 或 GB18030)或 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="40"/>
        <source>The bill {path} has no tracking number column: its first row should name the columns, e.g. 运单号, 重量, 运费 (tracking number, weight, fee).</source>
        <translation>账单 {path} 没有运单号列:第一行应写出列名,例如 运单号、重量、运费。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="45"/>
        <source>The bill {path} lists no tracking numbers.</source>
        <translation>账单 {path} 里没有运单号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="46"/>
        <source>Row {row} of the bill: &apos;{value}&apos; is not a {what}.</source>
        <translation>账单第 {row} 行:“{value}”不是有效的{what}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="47"/>
        <source>No waybill numbers of carrier &apos;{carrier}&apos; were ever used here. Carriers used: {known}.</source>
        <translation>这里从未用过快递公司“{carrier}”的运单号。用过的快递公司:{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="51"/>
        <source>PackDesk daily report {day}</source>
        <translation>PackDesk 日报 {day}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="52"/>
        <source>Shop: {shop} · days {date_from} to {date_to}</source>
        <translation>店铺:{shop} · 日期 {date_from} 至 {date_to}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="53"/>
        <source>all shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="54"/>
        <source>New {new} · shipped {shipped} · cancelled {cancelled} · waiting at day end {waiting}</source>
        <translation>新订单 {new} · 已发货 {shipped} · 已取消 {cancelled} · 当日结束时待发货 {waiting}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="57"/>
        <source>Paid to shipped: median {p50} h, 90% within {p90} h · shipped within 24 h {within_24h} · by the deadline {within_deadline}</source>
        <translation>付款到发货:中位数 {p50} 小时,90% 在 {p90} 小时内 · 24 小时内发货 {within_24h} · 按时发货 {within_deadline}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="62"/>
        <source>Unshipped orders by day</source>
        <translation>每日未发货订单</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="63"/>
        <source>Date|New|Shipped|Cancelled|Waiting</source>
        <translation>日期|新订单|已发货|已取消|待发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="64"/>
        <source>Backlog by product</source>
        <translation>按商品的积压</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="65"/>
        <source>SKU|Waiting units|Oldest (h)|On hand</source>
        <translation>商家编码|待发件数|最久(小时)|库存</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="66"/>
        <source>Packers</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="67"/>
        <source>Packer|Packed|Wrong item|Over-scan|Intercepted|Median paid to shipped (h)</source>
        <translation>打包员|完成|错货|多扫|拦截|付款到发货中位数(小时)</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="70"/>
        <source>Waybills used</source>
        <translation>面单用量</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="71"/>
        <source>Shop|Carrier|Waybills</source>
        <translation>店铺|快递公司|面单数</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="72"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="73"/>
        <source>Nothing to show for these days.</source>
        <translation>这些日期没有可显示的内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_reports.py" line="74"/>
        <source>(shipped without a bench)</source>
        <translation>(未经验货台发货)</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="10"/>
        <source>Name at least two orders to put into one parcel.</source>
        <translation>请至少指定两个订单合并为一个包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="11"/>
        <source>Order {order_no} is on hold ({reason}): release it before merging it into a parcel.</source>
        <translation>订单 {order_no} 已挂起（{reason}）：请先解除挂起再合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="14"/>
        <source>Order {order_no} is not waiting for a parcel ({status}): only waiting orders merge.</source>
        <translation>订单 {order_no} 不在等待发货（{status}）：只有待发货订单可以合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="17"/>
        <source>Order {order_no} has nothing left to ship (refunded or shipped): it cannot join a parcel.</source>
        <translation>订单 {order_no} 已没有待发的商品（已退款或已发货）：不能加入包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="20"/>
        <source>The waybill {tracking_no} of order {order_no} has already printed: a printed parcel takes no other orders. Merge orders before printing them.</source>
        <translation>订单 {order_no} 的面单 {tracking_no} 已打印：已打印的包裹不能再加入其他订单。请在打印前合并订单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="25"/>
        <source>Order {order_no} already holds waybill number {tracking_no} (not printed), asked for it alone: cancel it first (packdesk waybill cancel {tracking_no}), then merge.</source>
        <translation>订单 {order_no} 已单独取得面单号 {tracking_no}（未打印）：请先取消该面单（packdesk waybill cancel {tracking_no}），再合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="30"/>
        <source>Orders {order_no} and {other} belong to different shops ({shop}, {other_shop}): only one shop&apos;s orders share a parcel.</source>
        <translation>订单 {order_no} 和 {other} 属于不同店铺（{shop}、{other_shop}）：只有同一店铺的订单可以合并为一个包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="35"/>
        <source>Orders {order_no} and {other} are from different buyers: only one buyer&apos;s orders share a parcel.</source>
        <translation>订单 {order_no} 和 {other} 来自不同买家：只有同一买家的订单可以合并为一个包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="39"/>
        <source>Orders {order_no} and {other} go to different receivers or addresses: only orders to the same name, phone and full address share a parcel.</source>
        <translation>订单 {order_no} 和 {other} 的收件人或地址不同：只有收件人姓名、电话和完整地址都相同的订单可以合并为一个包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="44"/>
        <source>Taobao tells the addressees of orders {order_no} and {other} apart (their privacy ids differ): they cannot share a parcel.</source>
        <translation>淘宝认定订单 {order_no} 和 {other} 的收件人不同（隐私收件人 ID 不一致）：不能合并为一个包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="49"/>
        <source>Taobao&apos;s merge check does not let orders {orders} share one parcel (it groups them as: {groups}). Nothing was merged.</source>
        <translation>淘宝合单校验不允许订单 {orders} 合并为一个包裹（淘宝的分组为：{groups}）。未做任何合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="54"/>
        <source>Taobao&apos;s merge check could not be asked ({reason}). Nothing was merged: try again when the shop is reachable.</source>
        <translation>无法询问淘宝合单校验（{reason}）。未做任何合并：请在店铺可连接时重试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="58"/>
        <source>no connection to the shop here</source>
        <translation>此处没有与店铺的连接</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="59"/>
        <source>Orders {orders} are already in two different merged parcels: unmerge one of them first.</source>
        <translation>订单 {orders} 已分属两个不同的合并包裹：请先拆开其中一个。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="62"/>
        <source>Orders {orders} already ship in one parcel.</source>
        <translation>订单 {orders} 已在同一个包裹中发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="63"/>
        <source>Orders {orders} changed while Taobao was asked: nothing was merged; try again.</source>
        <translation>询问淘宝期间订单 {orders} 发生了变化：未做任何合并，请重试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="66"/>
        <source>Order {order_no} is open at bench {station} right now: finish or park it there, then merge (the packer verifies the lines the parcel had when it was opened).</source>
        <translation>订单 {order_no} 此刻正在工作台 {station} 上打包：请先在那里完成或暂放，再合并（打包员核验的是包裹打开时的商品）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="71"/>
        <source>Order {order_no} is open at bench {station} right now: finish or park it there, then unmerge.</source>
        <translation>订单 {order_no} 此刻正在工作台 {station} 上打包：请先在那里完成或暂放，再取消合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="74"/>
        <source>Orders {orders} now ship in one parcel with one waybill (lead order {lead}).</source>
        <translation>订单 {orders} 现合并为一个包裹、使用一张面单发货（主订单 {lead}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="77"/>
        <source>Order {order_no} is not merged with any other order.</source>
        <translation>订单 {order_no} 没有与其他订单合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="78"/>
        <source>The parcel of orders {orders} has printed (waybill {tracking_no}): a printed parcel cannot be unmerged. Ship it as one parcel, or void its waybill first.</source>
        <translation>订单 {orders} 的包裹已打印（面单 {tracking_no}）：已打印的包裹不能取消合并。请作为一个包裹发货，或先作废其面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="83"/>
        <source>The parcel of orders {orders} already holds waybill number {tracking_no}, asked for all of them: cancel it first (packdesk waybill cancel {tracking_no}), then unmerge.</source>
        <translation>订单 {orders} 的包裹已为全部订单取得面单号 {tracking_no}：请先取消该面单（packdesk waybill cancel {tracking_no}），再取消合并。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_merges.py" line="88"/>
        <source>Order {order_no} ships in a parcel of its own again.</source>
        <translation>订单 {order_no} 重新单独作为一个包裹发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="10"/>
        <source>{carrier} does not collect for {region} from {start} to {end} (stop {id}: {note}).</source>
        <translation>{carrier} 在 {start} 至 {end} 期间不揽收 {region}（停运 {id}：{note}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="13"/>
        <source>Spring-festival mode from {start} to {end}: {carrier} is not entered as still running for {region}.</source>
        <translation>春节模式 {start} 至 {end}：{carrier} 未登记为在 {region} 照常运营。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="17"/>
        <source>Order {order_no} is not printed: {stop} Carriers still running there: {others}.</source>
        <translation>订单 {order_no} 未打印：{stop} 当地仍在运营的快递：{others}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="20"/>
        <source>Order {order_no} is not printed: {stop} None of its shops&apos; other carriers runs there either: wait, or add a waybill account of a carrier that does.</source>
        <translation>订单 {order_no} 未打印：{stop} 其店铺的其他快递在当地也都停运：请等待，或添加一家当地仍在运营的快递的面单账户。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="25"/>
        <source>&apos;{text}&apos; is not a date: write it as 2026-01-20.</source>
        <translation>“{text}”不是日期：请写成 2026-01-20。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="26"/>
        <source>&apos;{text}&apos; is not a date or time: write it as 2026-11-11 or 2026-11-11 20:00.</source>
        <translation>“{text}”不是日期或时间：请写成 2026-11-11 或 2026-11-11 20:00。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="29"/>
        <source>&apos;{text}&apos; is not a list of times of day: write it as 10:00,15:00 (or off for none).</source>
        <translation>“{text}”不是时间列表：请写成 10:00,15:00（写 off 表示不提醒）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="32"/>
        <source>It ends ({end}) before it starts ({start}).</source>
        <translation>结束日期（{end}）早于开始日期（{start}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="33"/>
        <source>Name at least one province or city, e.g. 新疆,西藏 (or 全国 for every region).</source>
        <translation>请至少填写一个省份或城市，例如 新疆,西藏（全国 表示所有地区）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="36"/>
        <source>Name the carrier by its code, e.g. ZTO, SF, EMS.</source>
        <translation>请用快递公司代码填写快递，例如 ZTO、SF、EMS。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="37"/>
        <source>There is no stop number {id}. `stops list` shows them.</source>
        <translation>没有编号为 {id} 的停运记录。`stops list` 可列出全部。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="38"/>
        <source>There is no carrier rule number {id}. `carrier rules list` shows them.</source>
        <translation>没有编号为 {id} 的快递规则。`carrier rules list` 可列出全部。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="41"/>
        <source>There is no deadline rule number {id}. `deadlines list` shows them.</source>
        <translation>没有编号为 {id} 的发货时限规则。`deadlines list` 可列出全部。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="44"/>
        <source>There is no holiday number {id}. `deadlines list` shows them.</source>
        <translation>没有编号为 {id} 的节假日。`deadlines list` 可列出全部。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="47"/>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="48"/>
        <source>{file} needs the columns {columns} in its first row; it has {found}.</source>
        <translation>{file} 的第一行需要这些列：{columns}；现在是：{found}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="51"/>
        <source>{file} row {row}: {reason} Nothing was imported.</source>
        <translation>{file} 第 {row} 行：{reason} 未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="52"/>
        <source>{file} has no rows to import.</source>
        <translation>{file} 中没有可导入的行。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="53"/>
        <source>&apos;{text}&apos; is not an amount of yuan for {what} (e.g. 12 or 12.50, at least 0).</source>
        <translation>“{text}”不是 {what} 的金额（元，例如 12 或 12.50，不小于 0）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="56"/>
        <source>&apos;{text}&apos; is not a weight for {what}: write grams (800) or kilograms (1.5kg).</source>
        <translation>“{text}”不是 {what} 的重量：请写克数（800）或千克（1.5kg）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="59"/>
        <source>The lowest {what} ({low}) is not below the highest ({high}).</source>
        <translation>{what} 的下限（{low}）不小于上限（{high}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="62"/>
        <source>&apos;{text}&apos; is not a number of hours from 1 to {most}.</source>
        <translation>“{text}”不是 1 到 {most} 之间的小时数。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="63"/>
        <source>&apos;{text}&apos; is not a priority: give a whole number.</source>
        <translation>“{text}”不是优先级：请填写整数。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="64"/>
        <source>A shop rule needs --shop, a product rule --sku, and an activity rule its pay-time window (--from and --to).</source>
        <translation>店铺规则需要 --shop，商品规则需要 --sku，活动规则需要付款时间段（--from 和 --to）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_service_rules.py" line="68"/>
        <source>There is no shop named &apos;{shop}&apos;. Shops here: {names}.</source>
        <translation>没有名为“{shop}”的店铺。现有店铺：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="9"/>
        <source>&apos;{text}&apos; is not a list of lines: give LINE_NO or LINE_NO:QTY separated by commas, e.g. 1234567890:2,1234567891.</source>
        <translation>“{text}”不是行的列表：请写 LINE_NO 或 LINE_NO:QTY，用英文逗号分隔，例如 1234567890:2,1234567891。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="14"/>
        <source>Choose at least one line for the parcel.</source>
        <translation>请为这个包裹至少选择一行。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="15"/>
        <source>Line {line} is named twice: name each line once.</source>
        <translation>第 {line} 行写了两次：每行只写一次。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="16"/>
        <source>Order {order_no} has no line {line}. Its lines still to ship: {known}.</source>
        <translation>订单 {order_no} 没有 {line} 这一行。它还待发货的行：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="19"/>
        <source>Line {line} of order {order_no} cannot go in a parcel: it is {state}.</source>
        <translation>订单 {order_no} 的第 {line} 行不能装入包裹：它{state}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="22"/>
        <source>already shipped</source>
        <translation>已经发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="23"/>
        <source>refunded or has a refund in progress</source>
        <translation>已退款或正在退款</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="24"/>
        <source>Line {line} of order {order_no} has {left} unit(s) to ship: give a quantity from 1 to {left}.</source>
        <translation>订单 {order_no} 的第 {line} 行还有 {left} 件待发：请填 1 到 {left} 之间的数量。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="27"/>
        <source>That is everything order {order_no} still has to ship: nothing would stay for a second parcel, so there is nothing to split.</source>
        <translation>这已是订单 {order_no} 待发的全部商品：没有留给第二个包裹的，无需拆单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="32"/>
        <source>This parcel would complete no sub-order of order {order_no}: the platform takes shipments per whole sub-order, so the buyer would get no tracking number for it. Put the last units of at least one line in it.</source>
        <translation>这个包裹不能发完订单 {order_no} 的任何一个子订单：平台按整个子订单记录发货，买家将看不到这个包裹的运单号。请至少把一行剩余的全部件数放进去。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="37"/>
        <source>Order {order_no} cannot be split: it is {reason}.</source>
        <translation>订单 {order_no} 不能拆单：它{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="38"/>
        <source>The waybill of order {order_no} ({tracking_no}) is already printed for the parcel as it is: void it or ship it first.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）已按现在的包裹打印：请先作废或发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_splits.py" line="43"/>
        <source>Order {order_no} is not split: there is nothing to undo.</source>
        <translation>订单 {order_no} 没有拆单：无可撤销。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="11"/>
        <source>The text of template &apos;{key}&apos; is empty.</source>
        <translation>模板“{key}”的内容是空的。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="12"/>
        <source>Template &apos;{key}&apos; names variables PackDesk does not know: {names}. Use: {known}.</source>
        <translation>模板“{key}”用了 PackDesk 不认识的变量：{names}。可用的变量：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="15"/>
        <source>Template &apos;{key}&apos; must say the concrete {names} as variables: the buyer must read why and when.</source>
        <translation>模板“{key}”必须以变量写明具体的 {names}：买家要看到原因和日期。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="19"/>
        <source>The notice needs a value for {names} (give the reason with --reason and the date with --date).</source>
        <translation>通知缺少 {names} 的值（用 --reason 写原因，用 --date 写日期）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="22"/>
        <source>There is no phone number to send the notice to: give the number the platform allows.</source>
        <translation>没有可发送的手机号：请填写平台允许的号码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="25"/>
        <source>The platform gives only the masked number {phone}; no SMS can reach it. Give the virtual number the platform shows for this order (--phone), or copy the notice into the chat window (--copy).</source>
        <translation>平台只给了打码的号码 {phone}，短信发不到。请填写平台为该订单显示的虚拟号（--phone），或复制通知到聊天窗口（--copy）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="30"/>
        <source>{phone} is a virtual number with an extension: it takes calls, not messages. Copy the notice into the chat window instead (--copy).</source>
        <translation>{phone} 是带分机号的虚拟号，只能接电话，收不到短信。请改为复制通知到聊天窗口（--copy）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="35"/>
        <source>{phone} is not a mainland mobile number; an SMS cannot be sent to it.</source>
        <translation>{phone} 不是大陆手机号，无法发送短信。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="39"/>
        <source>No notice template &apos;{key}&apos;. Templates: {known}.</source>
        <translation>没有通知模板“{key}”。现有模板：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="40"/>
        <source>Order {order_no} is not in PackDesk.</source>
        <translation>订单 {order_no} 不在 PackDesk 中。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="41"/>
        <source>Order {order_no} is not in PackDesk (a Taobao shop&apos;s sync keeps the orders waiting for payment of the last three days). For a payment reminder, name its shop with --shop and give the buyer&apos;s number with --phone.</source>
        <translation>订单{order_no}不在 PackDesk 中（淘宝店铺的同步只保留最近三天内等待付款的订单）。要发催付提醒，请用 --shop 指定店铺，并用 --phone 给出买家的号码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="46"/>
        <source>Order {order_no} is no longer waiting for payment: it needs no payment reminder.</source>
        <translation>订单{order_no}已不在等待付款：无需催付。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="49"/>
        <source>Payment reminders need the reason they tell the buyer (--unpaid-reason), e.g. 库存有限.</source>
        <translation>催付提醒需要告诉买家的原因（--unpaid-reason），例如 库存有限。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="53"/>
        <source>Order {order_no} was paid or closed before its payment reminder left: it was not sent.</source>
        <translation>订单{order_no}在催付提醒发出前已付款或关闭：提醒未发送。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="56"/>
        <source>No SMS account named &apos;{name}&apos;.</source>
        <translation>没有名为“{name}”的短信账号。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="57"/>
        <source>Template &apos;{key}&apos; has no approved template code from the SMS provider yet: set it with `packdesk notify template {key} --code SMS_...`, or copy the notice (--copy).</source>
        <translation>模板“{key}”还没有短信服务商审核通过的模板编号：请用 `packdesk notify template {key} --code SMS_...` 设置，或复制通知（--copy）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="62"/>
        <source>{buyer} has had {limit} notices today, the most a buyer gets in a day; nothing was queued.</source>
        <translation>{buyer} 今天已收到 {limit} 条通知，已达每位买家每天的上限；本条未加入队列。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="65"/>
        <source>The notices a buyer may get in a day must be 1 or more.</source>
        <translation>每位买家每天可收到的通知数至少为 1。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="68"/>
        <source>The hours and days cannot be below 0.</source>
        <translation>小时数和天数不能小于 0。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="69"/>
        <source>Notices before a breach need the reason they tell the buyer (--breach-reason) and how many days after the deadline you expect to ship (--breach-days).</source>
        <translation>超时前通知需要告诉买家的原因（--breach-reason），以及预计在截止时间后几天发货（--breach-days）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="74"/>
        <source>Notices on a split need the reason the rest comes later (--split-reason) and in how many days (--split-days).</source>
        <translation>拆单通知需要说明其余商品晚发的原因（--split-reason）以及几天后发出（--split-days）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="78"/>
        <source>An SMS account needs a name.</source>
        <translation>短信账号需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="79"/>
        <source>Unknown SMS provider &apos;{provider}&apos;. Use one of: {known}.</source>
        <translation>未知的短信服务商“{provider}”。可选：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="82"/>
        <source>The gateway &apos;{gateway}&apos; is not an http(s) address, e.g. https://dysmsapi.aliyuncs.com/</source>
        <translation>网关“{gateway}”不是 http(s) 地址，例如 https://dysmsapi.aliyuncs.com/</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="85"/>
        <source>An SMS account needs its AccessKey ID and its approved signature (sign name).</source>
        <translation>短信账号需要 AccessKey ID 和审核通过的短信签名。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="88"/>
        <source>The AccessKey secret is missing.</source>
        <translation>缺少 AccessKey Secret。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="89"/>
        <source>The secret of SMS account &apos;{account}&apos; is not stored here: add it again with `packdesk notify add-account`.</source>
        <translation>本机没有保存短信账号“{account}”的密钥：请用 `packdesk notify add-account` 重新添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="93"/>
        <source>&apos;{code}&apos; is not a template code; the provider&apos;s codes look like SMS_123456789.</source>
        <translation>“{code}”不是模板编号；服务商的模板编号形如 SMS_123456789。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="96"/>
        <source>Notice #{id} is not waiting for a check.</source>
        <translation>通知 #{id} 不在等待核实。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="98"/>
        <source>The SMS account &apos;{account}&apos; of this notice no longer exists; nothing was sent.</source>
        <translation>这条通知的短信账号“{account}”已不存在；未发送。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="101"/>
        <source>The SMS account &apos;{account}&apos; could not be reached in this round; the notice waits.</source>
        <translation>本轮连不上短信账号“{account}”；通知继续等待。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="104"/>
        <source>Unclear whether this notice went, and the provider refused the lookup ({words}). Check before resending: look for it in the SMS console, then run `packdesk notify checked ID --sent` or `--not-sent`.</source>
        <translation>不确定这条通知是否已发出，且服务商拒绝了查询（{words}）。重发前请先核实：在短信控制台查找，然后运行 `packdesk notify checked ID --sent` 或 `--not-sent`。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="109"/>
        <source>The last attempt&apos;s answer was lost and the provider has no record of it yet; PackDesk looks again before sending.</source>
        <translation>上次发送的应答丢失，服务商暂时还没有记录；PackDesk 会在发送前再次查询。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="114"/>
        <source>The provider took the message but could not deliver it ({code}); it is not sent again.</source>
        <translation>服务商收到了短信但未能送达（{code}）；不会再次发送。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="117"/>
        <source>Found at the provider after an unclear answer: it was sent once, not again.</source>
        <translation>应答不明后在服务商处查到了记录：已发送一次，不再重发。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="121"/>
        <source>Order {order_no} is no longer in PackDesk: its platform cannot be asked for the buyer&apos;s number.</source>
        <translation>订单{order_no}已不在PackDesk中，无法向平台查询买家号码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="125"/>
        <source>The platform cannot give a number for order {order_no}: send it with the number (--phone), or copy it into the chat window.</source>
        <translation>平台无法提供订单{order_no}的号码：请用 --phone 指定号码发送，或复制到旺旺聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="130"/>
        <source>The platform gave no mobile number for order {order_no}: send it with the number (--phone), or copy it into the chat window.</source>
        <translation>平台没有返回订单{order_no}的手机号：请用 --phone 指定号码发送，或复制到旺旺聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="135"/>
        <source>Taobao says the address of order {order_no} changed since the last sync (its oaid is out of date): sync the shop, then send the notice again.</source>
        <translation>淘宝提示订单{order_no}的收货地址在上次同步后已变更（oaid已过期）：请先同步店铺，再重新发送通知。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="140"/>
        <source>The platform&apos;s number for order {order_no} is a virtual number with an extension: it takes calls, not messages. The notice is for the chat window: copy it there.</source>
        <translation>平台给订单{order_no}的是带分机号的隐私号：只能接电话，不能收短信。此通知改为复制到旺旺聊天窗口发送。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="145"/>
        <source>The platform&apos;s virtual number for order {order_no} has expired: the notice is for the chat window, copy it there.</source>
        <translation>订单{order_no}的隐私号已过期：此通知改为复制到旺旺聊天窗口发送。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="150"/>
        <source>The platform would not give the buyer&apos;s number for order {order_no}: {words}</source>
        <translation>平台拒绝提供订单{order_no}的买家号码：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="153"/>
        <source>The platform could not be asked for the buyer&apos;s number of order {order_no} ({why}); the notice waits for the next round.</source>
        <translation>无法向平台查询订单{order_no}的买家号码（{why}），通知将在下一轮再发。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="158"/>
        <source>its answer was not understood</source>
        <translation>平台的回复无法识别</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="159"/>
        <source>no platform connection was set up for it</source>
        <translation>未为其设置平台连接</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="161"/>
        <source>The SMS provider refused it: {words} ({code})</source>
        <translation>短信服务商拒绝了：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="162"/>
        <source>cannot reach the SMS provider ({error})</source>
        <translation>连不上短信服务商（{error}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="163"/>
        <source>the SMS provider answered HTTP {status}</source>
        <translation>短信服务商返回 HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="164"/>
        <source>the SMS provider limited the calls for {seconds} s</source>
        <translation>短信服务商限流 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="165"/>
        <source>the SMS provider is busy</source>
        <translation>短信服务商繁忙</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="166"/>
        <source>The SMS provider could not be reached for {method}: {failure}. PackDesk will try again later.</source>
        <translation>{method} 连不上短信服务商：{failure}。PackDesk 稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="169"/>
        <source>The connection to the SMS provider broke during {method}; the message may have gone.</source>
        <translation>{method} 过程中与短信服务商的连接断开；短信可能已发出。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="172"/>
        <source>The SMS provider failed (HTTP {status}) during {method}; the message may have gone.</source>
        <translation>{method} 过程中短信服务商出错（HTTP {status}）；短信可能已发出。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="175"/>
        <source>The SMS provider failed during {method}: {words}</source>
        <translation>{method} 过程中短信服务商出错：{words}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="177"/>
        <source>No pickup scan {hours} hours after shipping</source>
        <translation>发货 {hours} 小时后仍无揽收记录</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="178"/>
        <source>No movement for {hours} hours</source>
        <translation>已 {hours} 小时无物流更新</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="179"/>
        <source>On its way back: {step}</source>
        <translation>正在退回：{step}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_notices.py" line="180"/>
        <source>Signed for by someone else: {step}</source>
        <translation>他人代签：{step}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="11"/>
        <source>Kuaidi100 has no code for carrier {carrier}: the route of {tracking_no} cannot be queried.</source>
        <translation>快递100没有承运商 {carrier} 的编码：无法查询 {tracking_no} 的物流轨迹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="14"/>
        <source>Kuaidi100 refused the route query of {tracking_no}: {words} ({code})</source>
        <translation>快递100拒绝了 {tracking_no} 的轨迹查询：{words}（{code}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="17"/>
        <source>The key of tracking account &apos;{account}&apos; is not stored here: set the account again with `tracking add`.</source>
        <translation>查询账户“{account}”的授权key没有保存在本机：请用 `tracking add` 重新设置该账户。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="21"/>
        <source>A tracking account needs a name.</source>
        <translation>查询账户需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="22"/>
        <source>Unknown tracking provider &apos;{provider}&apos;. Use one of: {known}.</source>
        <translation>未知的轨迹查询服务“{provider}”。可用：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="25"/>
        <source>The address &apos;{gateway}&apos; is not an http(s) address, e.g. https://poll.kuaidi100.com/poll/query.do</source>
        <translation>地址“{gateway}”不是 http(s) 地址，例如 https://poll.kuaidi100.com/poll/query.do</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="29"/>
        <source>A Kuaidi100 tracking account needs its customer id (公司编号, --customer).</source>
        <translation>快递100查询账户需要公司编号（customer，--customer）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_tracking.py" line="32"/>
        <source>A Kuaidi100 tracking account needs its key (授权key).</source>
        <translation>快递100查询账户需要授权key。</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="65"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="125"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="126"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="127"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="128"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="129"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="144"/>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="146"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="149"/>
        <source>Days:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="155"/>
        <source>Shop:</source>
        <translation>店铺：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="191"/>
        <source>Shop or packer</source>
        <translation>店铺或打包员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="191"/>
        <location filename="../../ui/widgets/dashboard.py" line="427"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="191"/>
        <location filename="../../ui/widgets/dashboard.py" line="439"/>
        <location filename="../../ui/widgets/dashboard.py" line="453"/>
        <source>Median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="191"/>
        <source>90%</source>
        <translation>90%</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="192"/>
        <source>Within 24 h</source>
        <translation>24 小时内</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="192"/>
        <source>By the deadline</source>
        <translation>按时发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="195"/>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="195"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="195"/>
        <source>Wrong item</source>
        <translation>错误商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="195"/>
        <source>Over-scan</source>
        <translation>多扫</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="196"/>
        <source>Intercepted</source>
        <translation>已拦截</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="196"/>
        <source>Unknown code</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="198"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="198"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="198"/>
        <source>Waybills</source>
        <translation>面单数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="203"/>
        <source>Unshipped orders by day (click a day: the orders paid that day)</source>
        <translation>每日未发货订单（点击某天：查看当天付款的订单）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="205"/>
        <source>Backlog by product: waiting units, oldest wait (red: 48 h or more; click: the SKU&apos;s orders)</source>
        <translation>按商品积压：待发件数、最久等待（红色：48 小时及以上；点击：查看该 SKU 的订单）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="207"/>
        <source>Processing time (hours)</source>
        <translation>处理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="208"/>
        <source>Paid to shipped by day (hours)</source>
        <translation>每日付款到发货时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="209"/>
        <source>Processing time by shop and by packer (click a shop: its orders)</source>
        <translation>按店铺和打包员的处理时长（点击店铺：查看其订单）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="211"/>
        <source>Orders paid by weekday and hour</source>
        <translation>按星期和小时的付款订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="212"/>
        <source>Parcels packed by weekday and hour</source>
        <translation>按星期和小时的打包包裹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="213"/>
        <source>Errors caught at the bench, per packer</source>
        <translation>打包台拦下的错误（按打包员）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="214"/>
        <source>Waybills per carrier and shop (click: those orders)</source>
        <translation>各店铺各快递的面单用量（点击：查看这些订单）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="343"/>
        <source>Loading the figures…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="376"/>
        <source>%1 to %2, as of %3</source>
        <translation>%1 至 %2，截至 %3</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="391"/>
        <source>Nothing to act on in these days.</source>
        <translation>这段时间没有需要处理的事项。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="396"/>
        <source>Waiting at the end: %1 · paid: %2 · shipped: %3 · cancelled: %4 · paid to shipped: median %5, 90% %6 · shipped within 24 h: %7 · by the deadline: %8</source>
        <translation>期末待发货：%1 · 付款：%2 · 发货：%3 · 取消：%4 · 付款到发货：中位数 %5，90% %6 · 24 小时内发货：%7 · 按时发货：%8</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="427"/>
        <source>Paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="427"/>
        <source>Cancelled</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="431"/>
        <source>Waiting at day&apos;s end</source>
        <translation>当日结束时待发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="439"/>
        <location filename="../../ui/widgets/dashboard.py" line="453"/>
        <source>90% within</source>
        <translation>90% 在此之内</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="502"/>
        <source>%1 · oldest %2</source>
        <translation>%1 · 最久 %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="521"/>
        <source>Paid → printed</source>
        <translation>付款 → 打单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="522"/>
        <source>Printed → shipped</source>
        <translation>打单 → 发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="523"/>
        <source>Paid → shipped</source>
        <translation>付款 → 发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="534"/>
        <source>within 24 h: %1</source>
        <translation>24 小时内：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="579"/>
        <source>Shop: %1</source>
        <translation>店铺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="581"/>
        <source>Packer: %1</source>
        <translation>打包员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="581"/>
        <source>(off the bench)</source>
        <translation>（未经打包台）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="597"/>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="597"/>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="597"/>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="597"/>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="597"/>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="597"/>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="598"/>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/dashboard.py" line="609"/>
        <source>Darkest: %1 in one hour</source>
        <translation>最深色：一小时 %1 单</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="136"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="137"/>
        <source>Finish opens the station. Scan an order number to start packing.</source>
        <translation>点“完成”打开打包工位，扫描订单号即可开始打包。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="140"/>
        <source>Anything skipped is in the menus: Shops (shop settings, importing files, waybill accounts), Printer (printer setup) and Station (this assistant again).</source>
        <translation>跳过的步骤都可以在菜单中完成：店铺（店铺设置、导入文件、面单账号）、打印机（打印机设置）和工位（再次打开本向导）。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="151"/>
        <source>Shops: %1</source>
        <translation>店铺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="151"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="152"/>
        <source>Products with barcodes</source>
        <translation>商品资料（含条码）已导入</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="152"/>
        <source>No catalogue yet</source>
        <translation>尚无商品资料</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="153"/>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="153"/>
        <source>No printer yet</source>
        <translation>尚未设置打印机</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="156"/>
        <source>Waybill accounts: %1</source>
        <translation>面单账号：%1 个</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="158"/>
        <source>No waybill account yet</source>
        <translation>尚无面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="160"/>
        <source>Packers sign in at the bench</source>
        <translation>打包员可在打包台登录</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="160"/>
        <source>No packers yet</source>
        <translation>尚无打包员</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="163"/>
        <source>Supervisor PIN set</source>
        <translation>已设置主管密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="165"/>
        <source>No supervisor PIN yet</source>
        <translation>尚未设置主管密码</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="217"/>
        <source>%1 row %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="217"/>
        <source>PackDesk setup assistant</source>
        <translation>PackDesk 设置向导</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="218"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="219"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="220"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="221"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="150"/>
        <source>Hold orders</source>
        <translation>挂起订单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="153"/>
        <source>e.g. buyer asked to wait, address to confirm</source>
        <translation>例如：买家要求暂缓发货、地址待确认</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="154"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>JobsTableModel</name>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="30"/>
        <source>Waiting</source>
        <translation>等待打印</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="31"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="32"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="33"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="34"/>
        <source>Did it print?</source>
        <translation>打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="46"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="47"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="48"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="49"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="50"/>
        <source>Copy</source>
        <translation>份次</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="51"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="52"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="53"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="69"/>
        <source>%1 (reprint)</source>
        <translation>%1（重打）</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="88"/>
        <source>Welcome to PackDesk</source>
        <translation>欢迎使用 PackDesk</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="91"/>
        <source>This assistant sets up the station: a shop, its products, the printer, a waybill account and the packers. Every step can be skipped and done later from the menus.</source>
        <translation>本向导帮您设置打包工位：店铺、商品、打印机、面单账号和打包员。每一步都可以跳过，之后在菜单中完成。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="96"/>
        <source>The language of PackDesk. This assistant changes at once, the window at the next start.</source>
        <translation>PackDesk 的界面语言。本向导立即切换，主窗口在下次启动时切换。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="98"/>
        <source>The language of the window. It changes at once.</source>
        <translation>界面语言，选择后立即生效。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/wizard.py" line="111"/>
        <source>Could not save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/windows/main_window.py" line="75"/>
        <source>PackDesk · packing station</source>
        <translation>PackDesk · 打包验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="84"/>
        <source>Station</source>
        <translation>验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="85"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="86"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="88"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="91"/>
        <source>Ship-backs</source>
        <translation>发货回传</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="96"/>
        <source>Loading the figures…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="100"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="102"/>
        <source>After dispatch</source>
        <translation>发货后</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="113"/>
        <source>Show them</source>
        <translation>查看这些订单</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="114"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="127"/>
        <source>Printer setup…</source>
        <translation>打印机设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="129"/>
        <source>&amp;Printer</source>
        <translation>打印机(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="131"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="133"/>
        <source>Import seller-centre files…</source>
        <translation>导入商家后台订单…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="135"/>
        <source>&amp;Shops</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="136"/>
        <source>Shop settings…</source>
        <translation>店铺设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="141"/>
        <source>Waybill accounts…</source>
        <translation>面单账号…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="142"/>
        <source>Refresh waybill balances</source>
        <translation>刷新面单余额</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="145"/>
        <source>&amp;Rules</source>
        <translation>规则(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="146"/>
        <source>Carrier stops…</source>
        <translation>快递停运…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="147"/>
        <source>Carrier rules, costs and insurance…</source>
        <translation>快递规则、运费与保价…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="150"/>
        <source>Notices to buyers…</source>
        <translation>买家通知…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="161"/>
        <source>S&amp;tation</source>
        <translation>工位(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="162"/>
        <source>Mute sounds</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="166"/>
        <source>Reopen a parcel…</source>
        <translation>重新打开包裹…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="169"/>
        <source>Station settings…</source>
        <translation>工位设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="174"/>
        <source>Setup assistant…</source>
        <translation>设置向导…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="177"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="197"/>
        <source>SKUs whose available stock is under their safety stock: show them</source>
        <translation>可用库存低于安全库存的 SKU：点击查看</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="203"/>
        <source>Orders past or near their ship-by time: show them</source>
        <translation>已超时或即将超时的订单：点击查看</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="227"/>
        <location filename="../../ui/windows/main_window.py" line="611"/>
        <source>Packer: %1</source>
        <translation>打包员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="228"/>
        <source>Station: %1</source>
        <translation>工位：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="292"/>
        <source>Printing %n waybill(s)…</source>
        <translation>
            <numerusform>正在打印 %n 张面单…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="297"/>
        <source>Reprinting %n waybill(s)…</source>
        <translation>
            <numerusform>正在重打 %n 张面单…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="319"/>
        <source>Waybills updated</source>
        <translation>面单已更新</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="429"/>
        <source>Overdue: %1 · due within %2 h: %3</source>
        <translation>已超时：%1 · %2 小时内到期：%3</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="440"/>
        <source>Ship-by times: %1 order(s) overdue, %2 due within %3 hours.</source>
        <translation>发货时限提醒：%1 个订单已超时，%2 个订单将在 %3 小时内到期。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="474"/>
        <source>Low stock: %n SKU(s)</source>
        <translation>
            <numerusform>低库存：%n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="509"/>
        <source>No waybill account</source>
        <translation>没有面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="511"/>
        <source>Shops print with no waybill account: add one (Shops menu)</source>
        <translation>店铺打印时没有可用的面单账号：请添加一个（“店铺”菜单）</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="518"/>
        <source>Waybills: %1</source>
        <translation>面单余额：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="525"/>
        <source>(below %1)</source>
        <translation>（低于 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="542"/>
        <source>Asking for the waybill balances…</source>
        <translation>正在查询面单余额…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="556"/>
        <source>%n ship-back(s) waiting</source>
        <translation>
            <numerusform>%n 单待回传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="558"/>
        <source>%n shipment(s) for the seller centre</source>
        <translation>
            <numerusform>%n 单需在卖家中心发货</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="590"/>
        <source>Orders: %1 new, %2 changed, %3 unchanged.</source>
        <translation>订单：新增 %1 单，更新 %2 单，未变 %3 单。</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="301"/>
        <source>Save waybills as PDF</source>
        <translation>面单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="306"/>
        <source>Printed %1 of %2</source>
        <translation>已打印 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="309"/>
        <source>%1 printed</source>
        <translation>已打印 %1 张</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="311"/>
        <location filename="../../ui/windows/main_window.py" line="560"/>
        <source>%1 refused</source>
        <translation>%1 单被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="313"/>
        <source>%1 waiting in the queue</source>
        <translation>%1 张在队列中等待</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="324"/>
        <source>Printing stopped: %1</source>
        <translation>打印已暂停：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="327"/>
        <source>Some waybills did not print</source>
        <translation>部分面单没有打印</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="331"/>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="331"/>
        <source>No printer configured</source>
        <translation>未设置打印机</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="341"/>
        <source>Printer setup</source>
        <translation>打印机设置</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="347"/>
        <source>Reopen a parcel</source>
        <translation>重新打开包裹</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="347"/>
        <source>Order or waybill number of the parcel closed by mistake:</source>
        <translation>误关闭包裹的订单号或运单号：</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="402"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="547"/>
        <source>Orders from imported files</source>
        <translation>订单来自导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="549"/>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="552"/>
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="554"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="572"/>
        <source>Import seller-centre exports</source>
        <translation>导入商家后台导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="572"/>
        <source>Order exports (*.csv *.txt)</source>
        <translation>订单导出文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="576"/>
        <location filename="../../ui/windows/main_window.py" line="605"/>
        <location filename="../../ui/windows/main_window.py" line="608"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="576"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="600"/>
        <source>%1 row %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="126"/>
        <source>Could not save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="119"/>
        <source>Append to the seller memo</source>
        <translation>追加卖家备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="119"/>
        <source>Write the seller memo</source>
        <translation>修改卖家备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="125"/>
        <source>Add on a new line (keep the memo there is)</source>
        <translation>另起一行追加（保留原备注）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="127"/>
        <source>Memo:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="41"/>
        <source>Notice to the buyer of %1</source>
        <translation>发给订单 %1 买家的通知</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="50"/>
        <source>the concrete reason, e.g. 供应商延迟到货</source>
        <translation>具体原因，例如：供应商延迟到货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="56"/>
        <source>empty: asked of the platform when it is sent (SMS only)</source>
        <translation>留空：发送时向平台获取号码（仅短信）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="65"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="66"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="67"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="68"/>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="69"/>
        <source>The buyer reads</source>
        <translation>买家看到的内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="71"/>
        <source>Send by SMS</source>
        <translation>短信发送</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="72"/>
        <source>Copy for the chat window</source>
        <translation>复制到聊天窗口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="95"/>
        <source>Delay</source>
        <translation>延迟发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="96"/>
        <source>Partial shipment</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="97"/>
        <source>Out of stock: wait</source>
        <translation>缺货：等待补货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="98"/>
        <source>Out of stock: swap</source>
        <translation>缺货：换款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="99"/>
        <source>Out of stock: refund</source>
        <translation>缺货：退款</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="100"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="101"/>
        <source>Payment reminder</source>
        <translation>催付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="102"/>
        <source>Holiday notice</source>
        <translation>放假通知</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="103"/>
        <source>Delivery delay apology</source>
        <translation>物流延误致歉</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="110"/>
        <source>No SMS account is set: copy the notice into the chat window.</source>
        <translation>未设置短信账号：请复制通知到聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="133"/>
        <source>This template has no approved code from the SMS provider yet</source>
        <translation>该模板还没有短信服务商审核通过的编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="148"/>
        <source>Recorded and copied: paste it in the chat window.</source>
        <translation>已记录并复制：请粘贴到聊天窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_dialog.py" line="152"/>
        <source>Queued for %1; it goes with the next outbox round.</source>
        <translation>已排队发送给 %1；随下一轮发件箱发出。</translation>
    </message>
</context>
<context>
    <name>NoticeSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="39"/>
        <source>Notices to buyers</source>
        <translation>买家通知</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="42"/>
        <source>When an order ships</source>
        <translation>订单发货时</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="43"/>
        <source>When an order is marked out of stock</source>
        <translation>订单标记缺货时</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="44"/>
        <source>When part of an order ships and the rest comes later</source>
        <translation>订单部分发货、其余稍后发出时</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="46"/>
        <location filename="../../ui/dialogs/notice_settings.py" line="50"/>
        <location filename="../../ui/dialogs/notice_settings.py" line="55"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="47"/>
        <source>Before an order would ship late</source>
        <translation>订单即将超时发货前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="48"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="51"/>
        <source>Payment reminder to orders not paid yet</source>
        <translation>向未付款订单发送催付</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="52"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="54"/>
        <source>the reason the buyer reads, e.g. 库存有限</source>
        <translation>买家看到的原因，例如 库存有限</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="58"/>
        <source>Notices a buyer gets in a day, at most</source>
        <translation>每位买家每天最多收到的通知数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="63"/>
        <location filename="../../ui/dialogs/notice_settings.py" line="68"/>
        <location filename="../../ui/dialogs/notice_settings.py" line="73"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="64"/>
        <source>The rest ships in</source>
        <translation>其余商品发出时间</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="67"/>
        <source>Orders due within</source>
        <translation>在此时间内到期的订单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="69"/>
        <source>Ships this long after the deadline</source>
        <translation>在截止时间后多久发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="72"/>
        <source>Once, this long after the order was made</source>
        <translation>下单后多久提醒（仅一次）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="74"/>
        <source>Pay by the order&apos;s day plus</source>
        <translation>付款期限：下单日加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="82"/>
        <source>Split</source>
        <translation>拆单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="82"/>
        <source>Before a breach</source>
        <translation>超时前</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="83"/>
        <source>Payment reminder (催付)</source>
        <translation>催付提醒</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/notice_settings.py" line="124"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="77"/>
        <source>Order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="79"/>
        <source>%n order(s) selected</source>
        <translation>已选 %n 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="296"/>
        <source>Ship by hand…</source>
        <translation>手工发货…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="297"/>
        <source>Batch ship…</source>
        <translation>批量发货…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="298"/>
        <source>Reprint with a reason…</source>
        <translation>重打面单（需填原因）…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="303"/>
        <source>Undo the last change</source>
        <translation>撤销上一次修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="310"/>
        <source>Flag</source>
        <translation>旗帜</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="314"/>
        <source>Write memo…</source>
        <translation>修改备注…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="315"/>
        <source>Append to memo…</source>
        <translation>追加备注…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="317"/>
        <source>Hold…</source>
        <translation>挂起…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="318"/>
        <source>Release</source>
        <translation>解除挂起</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="319"/>
        <source>Expedite</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="320"/>
        <source>Stop expediting</source>
        <translation>取消加急</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="321"/>
        <source>Mark out of stock…</source>
        <translation>标记缺货…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="323"/>
        <source>Merge into one parcel</source>
        <translation>合并为一个包裹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="324"/>
        <source>Unmerge</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="325"/>
        <source>Notify the buyer…</source>
        <translation>通知买家…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="330"/>
        <source>Split into parcels…</source>
        <translation>拆单…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="331"/>
        <location filename="../../ui/dialogs/order_actions.py" line="478"/>
        <source>Undo the split</source>
        <translation>撤销拆单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="348"/>
        <source>Select one or more orders first.</source>
        <translation>请先选择一个或多个订单。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="393"/>
        <source>Select the orders to put into one parcel (two or more).</source>
        <translation>请选择要合并为一个包裹的订单（两个或以上）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="410"/>
        <source>Orders %1 now ship in one parcel with one waybill.</source>
        <translation>订单 %1 现合并为一个包裹、使用一张面单发货。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/order_actions.py" line="413"/>
        <source>%n order(s) ship in a parcel of their own again.</source>
        <translation>
            <numerusform>%n 个订单重新单独作为一个包裹发货。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="428"/>
        <source>Ship by hand takes one order: use Batch ship for a selection.</source>
        <translation>手工发货一次只能发一个订单：多个订单请用批量发货。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="442"/>
        <source>Order %1 shipped with %2 %3.</source>
        <translation>订单 %1 已发货：%2 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="452"/>
        <source>%1 takes one order: select only one.</source>
        <translation>%1只能针对一个订单：请只选一个。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="458"/>
        <source>Split</source>
        <translation>拆单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="493"/>
        <source>Order %1 is split. The next parcel carries:</source>
        <translation>订单 %1 已拆单。下一个包裹装：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="494"/>
        <source>Waits for a later parcel:</source>
        <translation>留待后续包裹：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="496"/>
        <source>The split of order %1 is undone: its next parcel carries all that is left.</source>
        <translation>订单 %1 的拆单已撤销：下一个包裹装全部剩余商品。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/order_actions.py" line="527"/>
        <source>%n order(s) changed.</source>
        <translation>
            <numerusform>已修改 %n 个订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/dialogs/order_actions.py" line="529"/>
        <source>%n skipped:</source>
        <translation>
            <numerusform>跳过 %n 个：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="543"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="42"/>
        <source>No flag</source>
        <translation>无旗帜</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="43"/>
        <source>Red</source>
        <translation>红旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="44"/>
        <source>Yellow</source>
        <translation>黄旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="45"/>
        <source>Green</source>
        <translation>绿旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="46"/>
        <source>Blue</source>
        <translation>蓝旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="47"/>
        <source>Purple</source>
        <translation>紫旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="60"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="62"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="85"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="86"/>
        <source>held for</source>
        <translation>挂起原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="87"/>
        <source>tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="88"/>
        <source>carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="89"/>
        <source>order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="90"/>
        <source>copy</source>
        <translation>第几份</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="91"/>
        <location filename="../../ui/widgets/order_detail.py" line="99"/>
        <source>by</source>
        <translation>执行方</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="92"/>
        <source>failed tries</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="93"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="94"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="95"/>
        <source>units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="96"/>
        <source>expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="97"/>
        <source>out of stock because</source>
        <translation>缺货原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="98"/>
        <source>template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="100"/>
        <source>notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="101"/>
        <source>when</source>
        <translation>触发</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="102"/>
        <source>sent</source>
        <translation>已发出</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="109"/>
        <source>appended: %1</source>
        <translation>追加：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="114"/>
        <source>was %1</source>
        <translation>原为 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="131"/>
        <source>Select an order to see its details.</source>
        <translation>选择一个订单查看详情。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="221"/>
        <source>held: %1</source>
        <translation>已挂起：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="223"/>
        <source>Expedited</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="226"/>
        <source>out of stock by hand: %1</source>
        <translation>手工标记缺货：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="229"/>
        <source>expected %1</source>
        <translation>预计 %1 到货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="235"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="237"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="238"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="240"/>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="244"/>
        <source>Paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="245"/>
        <source>Ship by</source>
        <translation>最晚发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="249"/>
        <source>one parcel with one waybill: %1 (lead %2)</source>
        <translation>一个包裹、一张面单：%1（主订单 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="250"/>
        <source>Merged</source>
        <translation>合并发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="257"/>
        <source>Buyer message</source>
        <translation>买家留言</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="260"/>
        <source>Seller memo</source>
        <translation>卖家备注</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="267"/>
        <source>Memo history</source>
        <translation>备注历史</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="271"/>
        <source>Short</source>
        <translation>缺货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="283"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="285"/>
        <location filename="../../ui/widgets/order_detail.py" line="308"/>
        <location filename="../../ui/widgets/order_detail.py" line="387"/>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="287"/>
        <source>%1 of %2 shipped</source>
        <translation>已发 %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="288"/>
        <source>no barcode</source>
        <translation>无条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="294"/>
        <source>Lines</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="299"/>
        <source>Parcels</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="302"/>
        <source>No waybill yet.</source>
        <translation>尚无面单。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="306"/>
        <source>numbered</source>
        <translation>已取号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="307"/>
        <location filename="../../ui/widgets/order_detail.py" line="385"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="309"/>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="314"/>
        <source>printed %1×</source>
        <translation>打印 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="332"/>
        <source>Next parcel (split)</source>
        <translation>下一个包裹（拆单）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="332"/>
        <source>waits for a later parcel</source>
        <translation>留待后续包裹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="340"/>
        <source>Print copy %1 of %2: %3</source>
        <translation>第 %1 次打印 %2：%3</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="349"/>
        <source>Ship-back</source>
        <translation>发货回传</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="350"/>
        <source>Flag and memo to the platform</source>
        <translation>旗帜和备注回传平台</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="351"/>
        <source>Notice to the buyer</source>
        <translation>买家通知</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="366"/>
        <source>Scans at a bench: %1</source>
        <translation>验货扫描：%1 次</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="367"/>
        <source>Print and ship history</source>
        <translation>打印与发货记录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="367"/>
        <source>Audit trail</source>
        <translation>操作记录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="375"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="376"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="377"/>
        <source>accepted</source>
        <translation>平台已接受</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="378"/>
        <source>refused</source>
        <translation>平台拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="379"/>
        <source>for the seller centre</source>
        <translation>待在卖家中心录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="386"/>
        <source>reprinted</source>
        <translation>已重打</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="388"/>
        <source>waybill voided</source>
        <translation>面单作废</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="389"/>
        <source>supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="390"/>
        <source>stock override</source>
        <translation>缺货放行</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="391"/>
        <source>parcel reopened</source>
        <translation>包裹重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="392"/>
        <source>print cancelled</source>
        <translation>打印已取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="393"/>
        <source>print confirmed</source>
        <translation>打印已确认</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="394"/>
        <source>print interrupted</source>
        <translation>打印中断</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="395"/>
        <source>print cut off</source>
        <translation>打印不完整</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="396"/>
        <source>waybill updated</source>
        <translation>面单已更新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="397"/>
        <source>waybill cancelled</source>
        <translation>面单已取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="398"/>
        <source>flag</source>
        <translation>旗帜</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="399"/>
        <source>memo</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="400"/>
        <source>held</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="401"/>
        <source>released</source>
        <translation>解除挂起</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="402"/>
        <source>expedite</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="403"/>
        <source>marked out of stock</source>
        <translation>标记缺货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="404"/>
        <source>merged into one parcel</source>
        <translation>已合并为一个包裹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="405"/>
        <source>unmerged</source>
        <translation>已取消合并</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="406"/>
        <source>split into parcels</source>
        <translation>拆单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="407"/>
        <source>split undone</source>
        <translation>撤销拆单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="408"/>
        <source>notice to the buyer</source>
        <translation>通知买家</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="409"/>
        <source>no notice sent</source>
        <translation>未发送通知</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/order_detail.py" line="410"/>
        <source>notice checked</source>
        <translation>通知已核实</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/models/orders_model.py" line="93"/>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="94"/>
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="95"/>
        <source>Out of stock</source>
        <translation>缺货待补货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="96"/>
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="97"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="98"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="99"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="109"/>
        <source>overdue %1h %2m</source>
        <translation>已超时 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="114"/>
        <source>%1h %2m left</source>
        <translation>剩 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="137"/>
        <source> · presale: balance not paid</source>
        <translation> · 预售尾款未付</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="165"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="166"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="167"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="168"/>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="169"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="170"/>
        <source>Message / memo</source>
        <translation>留言 / 备注</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="171"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="172"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="125"/>
        <source>Buyer: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="63"/>
        <source> · merged ×%1</source>
        <translation> · 已合并 ×%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="65"/>
        <source> · can merge</source>
        <translation> · 可合并</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="80"/>
        <source>Ships in one parcel with: %1</source>
        <translation>与以下订单合并为一个包裹发货：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="85"/>
        <source>Same buyer and address as %1: select them and choose Merge into one parcel.</source>
        <translation>与 %1 同一买家、同一地址：选中它们后选择“合并为一个包裹”。</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="128"/>
        <source>Memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="173"/>
        <source>Paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="174"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="426"/>
        <source> · refund requested</source>
        <translation> · 退款中</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="428"/>
        <source> · carrier stopped</source>
        <translation> · 快递停运</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="445"/>
        <source> +%1 more</source>
        <translation> 等%2种</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="451"/>
        <source>%n pc(s)</source>
        <translation>%n件</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="459"/>
        <source> (printed %1×)</source>
        <translation>（已打%1次）</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="87"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="65"/>
        <source>Today&apos;s overdue</source>
        <translation>今日超时</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="66"/>
        <location filename="../../ui/widgets/orders_view.py" line="116"/>
        <source>Due soon</source>
        <translation>即将超时</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="67"/>
        <source>SF only</source>
        <translation>只看顺丰</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="68"/>
        <location filename="../../ui/widgets/orders_view.py" line="96"/>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="92"/>
        <source>All shops</source>
        <translation>全部店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="95"/>
        <source>Printed or not</source>
        <translation>打印状态不限</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="97"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="98"/>
        <source>Reprinted</source>
        <translation>已重打</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="102"/>
        <source>Any flag</source>
        <translation>全部旗帜</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="104"/>
        <source>Red flag</source>
        <translation>红旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="105"/>
        <source>Yellow flag</source>
        <translation>黄旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="106"/>
        <source>Green flag</source>
        <translation>绿旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="107"/>
        <source>Blue flag</source>
        <translation>蓝旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="108"/>
        <source>Purple flag</source>
        <translation>紫旗</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="109"/>
        <source>No flag</source>
        <translation>无旗帜</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="114"/>
        <source>Any ship-by</source>
        <translation>全部发货时限</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="115"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="117"/>
        <source>Due within 6 h</source>
        <translation>6 小时内到期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="118"/>
        <source>Due within 12 h</source>
        <translation>12 小时内到期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="119"/>
        <source>Due within 24 h</source>
        <translation>24 小时内到期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="123"/>
        <source>Any carrier</source>
        <translation>全部快递</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="126"/>
        <source>Buyer message</source>
        <translation>有买家留言</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="127"/>
        <source>Seller memo</source>
        <translation>有卖家备注</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="128"/>
        <source>Paid</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="138"/>
        <source>Order no., tracking no., SKU, phone tail, buyer, receiver, title</source>
        <translation>订单号、运单号、SKU、手机尾号、买家、收件人、宝贝标题</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="142"/>
        <source>Save filter…</source>
        <translation>保存筛选…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="143"/>
        <location filename="../../ui/widgets/orders_view.py" line="184"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="144"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="145"/>
        <source>Print waybills (Ctrl+P)</source>
        <translation>打印面单 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="147"/>
        <source>Save as one PDF…</source>
        <translation>合并存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="154"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="217"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="218"/>
        <source>Label</source>
        <translation>面单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="396"/>
        <source>All Taobao shops</source>
        <translation>全部淘宝店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="397"/>
        <source>All Tmall shops</source>
        <translation>全部天猫店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="398"/>
        <source>All Pinduoduo shops</source>
        <translation>全部拼多多店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="399"/>
        <source>All JD shops</source>
        <translation>全部京东店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="400"/>
        <source>All Douyin shops</source>
        <translation>全部抖音店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="430"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="433"/>
        <source>All statuses (%1)</source>
        <translation>全部状态（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="437"/>
        <source>Overdue: %1 · due within %3 h: %2</source>
        <translation>已超时：%1 · %3 小时内到期：%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="534"/>
        <source>Save filter</source>
        <translation>保存筛选</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="534"/>
        <source>Name of this filter:</source>
        <translation>筛选方案名称：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="557"/>
        <source>Could not save the workspace settings: %1</source>
        <translation>无法保存工作台设置：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/orders_view.py" line="435"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="450"/>
        <source>No orders in the cache yet: sync a shop or import an order file.</source>
        <translation>还没有缓存的订单：请同步店铺或导入订单文件。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="452"/>
        <source>the status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="453"/>
        <source>the shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="454"/>
        <source>the platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="455"/>
        <source>the flag</source>
        <translation>旗帜</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="456"/>
        <source>the print status</source>
        <translation>打印状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="457"/>
        <source>“buyer message”</source>
        <translation>“有买家留言”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="458"/>
        <source>“seller memo”</source>
        <translation>“有卖家备注”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="459"/>
        <location filename="../../ui/widgets/orders_view.py" line="460"/>
        <source>the paid dates</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="461"/>
        <source>the ship-by time</source>
        <translation>发货时限</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="462"/>
        <source>“overdue”</source>
        <translation>“已超时”</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="463"/>
        <source>the carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="464"/>
        <source>the search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="466"/>
        <source>No order matches all these filters.</source>
        <translation>没有订单同时符合这些筛选条件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/orders_view.py" line="470"/>
        <source>Without %1: %n order(s)</source>
        <translation>
            <numerusform>去掉%1：%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="475"/>
        <source>Each filter alone already leaves nothing: clear them to see every order.</source>
        <translation>每个筛选条件单独都筛不出订单：清除筛选即可看到全部订单。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="479"/>
        <source>Could not load orders: %1</source>
        <translation>无法加载订单：%1</translation>
    </message>
</context>
<context>
    <name>OutOfStockDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="171"/>
        <source>Mark out of stock</source>
        <translation>标记缺货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="174"/>
        <source>e.g. shelf empty, goods faulty</source>
        <translation>例如：货架已空、商品有瑕疵</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="175"/>
        <source>Stock expected on</source>
        <translation>预计到货日期</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="182"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="45"/>
        <source>Send now</source>
        <translation>立即回传</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="46"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="47"/>
        <source>Bulk-ship file…</source>
        <translation>批量发货文件…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="50"/>
        <source>Save the shipments of shops without an API connection as the seller centre&apos;s bulk-ship file (批量发货: order number, carrier, tracking number)</source>
        <translation>把没有 API 连接的店铺的发货记录保存为卖家中心的批量发货文件（订单号、快递公司、运单号）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="54"/>
        <location filename="../../ui/widgets/outbox_view.py" line="232"/>
        <location filename="../../ui/widgets/outbox_view.py" line="240"/>
        <source>Entered in seller centre</source>
        <translation>已在卖家中心录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="56"/>
        <source>Mark the selected shipments (or all exported ones) as entered in the seller centre</source>
        <translation>把选中的（或全部已导出的）发货记录标记为已在卖家中心录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="62"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="63"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="64"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="65"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="66"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="67"/>
        <source>Tries</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="68"/>
        <source>Next try</source>
        <translation>下次重试</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="69"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="97"/>
        <source>entered in seller centre</source>
        <translation>已在卖家中心录入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="99"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="100"/>
        <source>sending</source>
        <translation>回传中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="101"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="102"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="103"/>
        <source>for the seller centre</source>
        <translation>需在卖家中心发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="110"/>
        <source>The connection broke while sending; PackDesk checks the order on the platform first</source>
        <translation>发送时连接中断；PackDesk 会先到平台查询订单状态再决定是否重发</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="111"/>
        <source>The platform cannot be reached; PackDesk keeps trying</source>
        <translation>连不上平台；PackDesk 会继续重试</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="112"/>
        <source>The platform limited calls for now; PackDesk waits and tries again</source>
        <translation>平台暂时限制了调用；PackDesk 稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="113"/>
        <source>The shop&apos;s authorization expired: authorize the shop again</source>
        <translation>店铺授权已过期：请重新授权店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="114"/>
        <source>The platform refused it: %1</source>
        <translation>平台拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="116"/>
        <source>This shop has no API connection: enter the shipment in the seller centre (Bulk-ship file…)</source>
        <translation>该店铺没有 API 连接：请在卖家中心录入发货（批量发货文件…）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="160"/>
        <source>%1 waiting · %2 refused</source>
        <translation>%1 单等待 · %2 单被拒绝</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_view.py" line="162"/>
        <source>%n for the seller centre</source>
        <translation>
            <numerusform>%n 单需在卖家中心发货</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="177"/>
        <location filename="../../ui/widgets/outbox_view.py" line="222"/>
        <source>Bulk-ship file</source>
        <translation>批量发货文件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="178"/>
        <source>Shop (each seller centre takes its own file):</source>
        <translation>店铺（每个卖家中心只导入本店的文件）：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="186"/>
        <source>Save the bulk-ship file</source>
        <translation>保存批量发货文件</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="186"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_view.py" line="209"/>
        <source>%n shipment(s) saved in %1.</source>
        <translation>
            <numerusform>已将 %n 单发货记录保存到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="214"/>
        <source>Import it in the seller centre (批量发货), then press “Entered in seller centre” here.</source>
        <translation>请在卖家中心导入（批量发货），然后在这里点击“已在卖家中心录入”。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="218"/>
        <source>Order %1 shipped only some items: enter it in the seller centre by hand.</source>
        <translation>订单 %1 只发了部分商品：请在卖家中心手动发货。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="233"/>
        <source>Save the bulk-ship file first, or select the shipments you entered in the seller centre.</source>
        <translation>请先保存批量发货文件，或选中已在卖家中心录入的发货记录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/outbox_view.py" line="237"/>
        <source>Mark %n shipment(s) as entered in the seller centre? They stop waiting here.</source>
        <translation>
            <numerusform>将 %n 单标记为已在卖家中心录入？它们将不再在此等待。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="249"/>
        <source>Ship-backs</source>
        <translation>发货回传</translation>
    </message>
</context>
<context>
    <name>PackLinesModel</name>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="79"/>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="80"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="81"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="82"/>
        <source>Verified</source>
        <translation>已验</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="89"/>
        <location filename="../../ui/station/order_panel.py" line="169"/>
        <source>refund: do not pack</source>
        <translation>退款中：不要装</translation>
    </message>
</context>
<context>
    <name>PackersPage</name>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="265"/>
        <source>Packers and the supervisor</source>
        <translation>打包员与主管</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="268"/>
        <source>Packers sign in at the bench with their name and PIN or by scanning their badge; the supervisor PIN lets a code be bound, an item confirmed by hand or a stop overridden.</source>
        <translation>打包员在打包台用姓名和密码登录，或扫描工牌登录；主管密码用于绑定条码、手工确认商品或放行拦截。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="272"/>
        <source>Add a packer</source>
        <translation>添加打包员</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="273"/>
        <location filename="../../ui/first_run/bench_pages.py" line="278"/>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="275"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="276"/>
        <source>PIN (4-12 digits)</source>
        <translation>密码（4-12 位数字）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="277"/>
        <source>Badge code (optional)</source>
        <translation>工牌码（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="279"/>
        <source>Current PIN</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="280"/>
        <source>New PIN (6-12 digits)</source>
        <translation>新密码（6-12 位数字）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="281"/>
        <source>New PIN again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="285"/>
        <source>Add packer</source>
        <translation>添加打包员</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="286"/>
        <source>Change PIN</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="286"/>
        <source>Set PIN</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="305"/>
        <source>Packers added: %1</source>
        <translation>已添加打包员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="307"/>
        <source>This station has packers already; adding one under their name gives them a new PIN.</source>
        <translation>本工位已有打包员；用已有的姓名添加会给该打包员设置新密码。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="309"/>
        <source>No packers yet: the bench then never locks and needs no sign-in.</source>
        <translation>尚无打包员：打包台不会锁定，也无需登录。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="337"/>
        <source>%1 can sign in at the bench.</source>
        <translation>%1 可以在打包台登录了。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="342"/>
        <source>The two new PINs differ: type the same PIN twice.</source>
        <translation>两次输入的新密码不一致：请输入相同的密码两次。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="360"/>
        <source>Could not save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="367"/>
        <source>Supervisor PIN set.</source>
        <translation>主管密码已设置。</translation>
    </message>
</context>
<context>
    <name>PrintQueueView</name>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="36"/>
        <source>Print waiting jobs</source>
        <translation>打印等待中的任务</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="37"/>
        <source>It printed</source>
        <translation>已打出</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="38"/>
        <source>Print it again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="39"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="78"/>
        <source>Printing stopped: %1</source>
        <translation>打印已暂停：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="90"/>
        <source>%1 waiting · %2 to confirm</source>
        <translation>%1 张等待 · %2 张待确认</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="111"/>
        <source>no printer is configured</source>
        <translation>尚未设置打印机</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="87"/>
        <source>The label printer</source>
        <translation>面单打印机</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="90"/>
        <source>Choose a printer found here or type its address. The test page checks that the label sits right; the test label shows a waybill. Next uses this printer (no address: skipped). Later: Printer ▸ Printer setup…</source>
        <translation>选择本机找到的打印机，或输入其地址。测试页检查标签位置是否对正，测试面单展示面单效果。点“下一步”使用此打印机（地址留空则跳过）。之后可在：打印机 ▸ 打印机设置…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="95"/>
        <source>Print a test label</source>
        <translation>打印测试面单</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="96"/>
        <source>Use this printer</source>
        <translation>使用此打印机</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="111"/>
        <source>Looking for printers…</source>
        <translation>正在查找打印机…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="120"/>
        <source>Printers found: %1</source>
        <translation>找到打印机：%1 台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="122"/>
        <source>No printer found on this computer: type its address.</source>
        <translation>本机未找到打印机：请输入打印机地址。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="137"/>
        <source>Virtual printer: one PNG file per label in %1</source>
        <translation>虚拟打印机：每张面单保存为一个 PNG 文件，位于 %1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="150"/>
        <source>Printing a test label…</source>
        <translation>正在打印测试面单…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="157"/>
        <source>Test label sent (%1 bytes): its barcode must scan and no text may be cut off.</source>
        <translation>测试面单已发送（%1 字节）：条码应能扫出，文字不应被裁切。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="185"/>
        <source>Could not save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="188"/>
        <source>This station prints on %1</source>
        <translation>本工位使用打印机：%1</translation>
    </message>
</context>
<context>
    <name>PrinterSetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="41"/>
        <source>Printer setup</source>
        <translation>打印机设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="44"/>
        <source>— choose a printer found on this computer —</source>
        <translation>— 选择本机发现的打印机 —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="50"/>
        <source>TSPL (most 4-inch label printers)</source>
        <translation>TSPL（多数4寸标签机）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="62"/>
        <location filename="../../ui/dialogs/printer_setup.py" line="65"/>
        <source>printer default</source>
        <translation>打印机默认</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="71"/>
        <source>Check status</source>
        <translation>检查状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="72"/>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="75"/>
        <source>Found</source>
        <translation>已发现</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="76"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="77"/>
        <source>Language</source>
        <translation>指令语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="78"/>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="79"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="80"/>
        <source>Offset right</source>
        <translation>向右偏移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="81"/>
        <source>Offset down</source>
        <translation>向下偏移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="82"/>
        <source>Darkness</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="83"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="84"/>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="188"/>
        <source>Asking the printer…</source>
        <translation>正在询问打印机…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="194"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="195"/>
        <source>Out of labels</source>
        <translation>缺纸（标签用完）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="196"/>
        <source>Cover or print head open</source>
        <translation>上盖或打印头打开</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="197"/>
        <source>Paused on the printer</source>
        <translation>打印机已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="198"/>
        <source>Offline: nothing answers at this address</source>
        <translation>离线：这个地址没有应答</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="199"/>
        <source>The printer reports an error</source>
        <translation>打印机报告故障</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="200"/>
        <source>Reachable, but it does not report its status</source>
        <translation>可以连接，但打印机不回报状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="214"/>
        <source>Printing the test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="218"/>
        <source>Test page sent (%1 bytes). The outline must touch the label&apos;s edges.</source>
        <translation>测试页已发送（%1 字节）。外框应正好贴合标签边缘。</translation>
    </message>
</context>
<context>
    <name>PrinterState</name>
    <message>
        <location filename="../../ui/text.py" line="40"/>
        <source>The printer is out of labels: load a new roll.</source>
        <translation>打印机没有面单纸了：请装上新的一卷。</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="41"/>
        <source>The printer&apos;s cover is open: close it.</source>
        <translation>打印机盖子开着：请合上。</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="42"/>
        <source>The printer is paused: press its feed or pause button.</source>
        <translation>打印机已暂停：请按走纸键或暂停键。</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="43"/>
        <source>The printer does not answer: check its power and cable.</source>
        <translation>打印机没有响应：请检查电源和数据线。</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="44"/>
        <source>The printer reports an error (a jam or the head open): check it.</source>
        <translation>打印机报告错误（卡纸或打印头未合上）：请检查。</translation>
    </message>
    <message>
        <location filename="../../ui/text.py" line="45"/>
        <source>The printer does not say whether it is ready: check it.</source>
        <translation>打印机未报告是否就绪：请检查。</translation>
    </message>
</context>
<context>
    <name>ProductDialogs</name>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="61"/>
        <source>%1 (case of %2)</source>
        <translation>%1（整箱 %2 件）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="71"/>
        <source>Remove a barcode</source>
        <translation>移除条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="72"/>
        <source>Barcode to take off %1 (a scan of it is then an unknown code):</source>
        <translation>要从 %1 移除的条码（移除后扫描该条码将是未知条码）：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="86"/>
        <source>On hand of %1: %2 → %3. Reason (received, damaged, found...):</source>
        <translation>%1 的现有库存：%2 → %3。原因（到货、损坏、盘盈……）：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="90"/>
        <source>PackDesk keeps the stock of %1 from now on: %3 on hand. Reason (counted, received...):</source>
        <translation>从现在起由 PackDesk 管理 %1 的库存：现有 %3 件。原因（盘点、到货……）：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_dialogs.py" line="94"/>
        <source>Change stock</source>
        <translation>修改库存</translation>
    </message>
</context>
<context>
    <name>ProductsTableModel</name>
    <message>
        <location filename="../../ui/models/products_model.py" line="65"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="66"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="67"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="68"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="69"/>
        <source>Case packs</source>
        <translation>整箱条码</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="70"/>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="71"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="72"/>
        <source>Reserved</source>
        <translation>已占用</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="73"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="74"/>
        <source>Safety stock</source>
        <translation>安全库存</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="75"/>
        <source>Waiting orders</source>
        <translation>待发订单</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="176"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="192"/>
        <source>Waiting orders sell this SKU but the catalogue lacks it: bind a barcode to add it</source>
        <translation>待发订单售出了此 SKU，但商品库中没有：绑定条码即可添加</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="197"/>
        <source>No barcode counts one piece of this SKU: select it and scan its barcode</source>
        <translation>此 SKU 没有单件条码：选中它并扫描其条码</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="201"/>
        <source>PackDesk does not keep this SKU&apos;s stock (its orders are never out of stock): type its on-hand figure or count it to keep it</source>
        <translation>PackDesk 不管理此 SKU 的库存（其订单不会缺货）：输入现有库存或盘点后即开始管理</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="208"/>
        <source>Available %1 is under the safety stock %2</source>
        <translation>可用库存 %1 低于安全库存 %2</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="213"/>
        <source>No weight: the scale check skips this SKU</source>
        <translation>无重量：称重核对将跳过此 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/models/products_model.py" line="215"/>
        <source>Double-click to change</source>
        <translation>双击修改</translation>
    </message>
</context>
<context>
    <name>ProductsView</name>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="59"/>
        <source>Search SKU, title, spec, barcode</source>
        <translation>搜索 SKU、标题、规格、条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="62"/>
        <source>SKUs without a barcode for a single piece: each stops a packer</source>
        <translation>没有单件条码的 SKU：每一个都会卡住打包员</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="63"/>
        <source>Low stock</source>
        <translation>低库存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="65"/>
        <source>SKUs whose available stock is under their safety stock</source>
        <translation>可用库存低于安全库存的 SKU</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="66"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="74"/>
        <source>Pieces per scan: </source>
        <translation>每次扫描件数：</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="75"/>
        <source>1 for a single piece&apos;s barcode; the pieces in the case for a case pack</source>
        <translation>单件条码填 1；整箱条码填每箱件数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="100"/>
        <source>Add barcode…</source>
        <translation>添加条码…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="101"/>
        <source>Remove barcode…</source>
        <translation>移除条码…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="102"/>
        <source>Count stock</source>
        <translation>盘点库存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="103"/>
        <source>Stock count (盘点): scan what is on the shelf, then commit</source>
        <translation>盘点：扫描货架上的商品，然后提交</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="104"/>
        <source>Double-click a weight, on-hand or safety stock figure to change it.</source>
        <translation>双击重量、现有库存或安全库存即可修改。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="205"/>
        <source> (first %1)</source>
        <translation>（前 %1 个）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/products_view.py" line="207"/>
        <source>%n SKU(s)</source>
        <translation>
            <numerusform>%n 个 SKU</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="212"/>
        <source>Could not load products: %1</source>
        <translation>无法加载商品：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="215"/>
        <source>Missing barcode</source>
        <translation>缺条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="255"/>
        <source>Select a SKU, then scan its barcode to bind it. With none selected, a scan searches.</source>
        <translation>先选中一个 SKU，再扫描其条码即可绑定。未选中时，扫描用于搜索。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="258"/>
        <source>A scan now binds its barcode to: %1</source>
        <translation>现在扫描的条码将绑定到：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="279"/>
        <source>%1 bound to %2</source>
        <translation>%1 已绑定到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="279"/>
        <source>%1 was already bound to %2</source>
        <translation>%1 早已绑定到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="303"/>
        <source>%1 taken off %2</source>
        <translation>%1 已从 %2 移除</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/products_view.py" line="346"/>
        <source>Stock count committed: on-hand stock is what was counted.</source>
        <translation>盘点已提交：现有库存已更新为盘点数。</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="86"/>
        <source>Reprint waybills</source>
        <translation>重打面单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="88"/>
        <source>A reprint is counted and audited with its reason.</source>
        <translation>重打会计数，并连同原因记入操作日志。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="95"/>
        <source>Label damaged or smudged</source>
        <translation>面单破损或模糊</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="96"/>
        <source>Label lost</source>
        <translation>面单丢失</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="97"/>
        <source>Printer jammed</source>
        <translation>打印机卡纸</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="98"/>
        <source>Barcode does not scan</source>
        <translation>条码扫不出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="101"/>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="102"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>RisksView</name>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="56"/>
        <source>Refresh routes and ratings</source>
        <translation>刷新物流轨迹和评价</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="57"/>
        <source>Delay / apology notice…</source>
        <translation>延迟/致歉通知…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="62"/>
        <location filename="../../ui/widgets/risks_view.py" line="74"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="63"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="64"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="65"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="66"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="67"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="74"/>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="74"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="74"/>
        <source>Rated</source>
        <translation>评价时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="74"/>
        <source>What the buyer wrote</source>
        <translation>买家评价内容</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="87"/>
        <source>Route</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="95"/>
        <source>Bad and neutral ratings</source>
        <translation>中差评</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="120"/>
        <source>Reading routes and ratings…</source>
        <translation>正在读取物流轨迹和评价…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="153"/>
        <source>bad</source>
        <translation>差评</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="153"/>
        <source>neutral</source>
        <translation>中评</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/risks_view.py" line="161"/>
        <source>%1 parcels at risk · %2 bad-review alerts</source>
        <translation>%1 个包裹有风险 · %2 条中差评提醒</translation>
    </message>
</context>
<context>
    <name>ShipByHandDialog</name>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="204"/>
        <source>Ship by hand</source>
        <translation>手工发货</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="206"/>
        <source>Scan the waybill&apos;s barcode or type its number, then Enter.</source>
        <translation>扫描面单条码或输入运单号，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="209"/>
        <source>Choose the carrier</source>
        <translation>选择快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="215"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="216"/>
        <source>Tracking no.:</source>
        <translation>运单号：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/order_actions.py" line="217"/>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="102"/>
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="104"/>
        <source>Where the orders come from. Later: Shops ▸ Shop settings… and Shops ▸ Import seller-centre files…</source>
        <translation>订单从哪里来。之后可在：店铺 ▸ 店铺设置… 和 店铺 ▸ 导入商家后台订单…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="106"/>
        <source>Taobao / Tmall through the Taobao Open Platform</source>
        <translation>淘宝 / 天猫（通过淘宝开放平台）</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="107"/>
        <source>I import files from the seller centre</source>
        <translation>我从商家后台导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="108"/>
        <source>A shop that syncs its orders</source>
        <translation>自动同步订单的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="109"/>
        <source>A shop whose order exports I import</source>
        <translation>导入订单导出文件的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="111"/>
        <location filename="../../ui/first_run/shop_pages.py" line="120"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="112"/>
        <source>Gateway</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="113"/>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="114"/>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="115"/>
        <source>Session key</source>
        <translation>授权码 (SessionKey)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="119"/>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="121"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="122"/>
        <source>Choose order files and import…</source>
        <translation>选择订单文件并导入…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="126"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="127"/>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="128"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="129"/>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="130"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="149"/>
        <source>Shops on this station: %1</source>
        <translation>本工位的店铺：%1</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="174"/>
        <source>Shop added: its orders arrive with the first sync, once the window is open.</source>
        <translation>店铺已添加：打开主窗口后，首次同步即可收到订单。</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="179"/>
        <source>Import seller-centre exports</source>
        <translation>导入商家后台导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="179"/>
        <source>Order exports (*.csv *.txt)</source>
        <translation>订单导出文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="189"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/shop_pages.py" line="203"/>
        <source>Orders: %1 new, %2 changed, %3 unchanged; %4 rows rejected.</source>
        <translation>订单：新增 %1，更新 %2，未变 %3；拒绝 %4 行。</translation>
    </message>
</context>
<context>
    <name>ShopSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="39"/>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="44"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="44"/>
        <location filename="../../ui/dialogs/shop_settings.py" line="68"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="44"/>
        <source>Orders from</source>
        <translation>订单来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="44"/>
        <source>Group</source>
        <translation>关联店铺组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="44"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="53"/>
        <source>Push the selected shop&apos;s available stock to the platform</source>
        <translation>将所选店铺的可用库存推送到平台</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="56"/>
        <source>Off by default. When on, every sync round sends Taobao the available stock (on hand minus what waiting orders reserve) of the SKUs whose stock PackDesk keeps, once per change.</source>
        <translation>默认关闭。开启后，每轮同步会把 PackDesk 管理库存的 SKU 的可用库存（现有库存减去待发货订单占用）发送给淘宝，每次变动只发送一次。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="66"/>
        <source>Taobao / Tmall</source>
        <translation>淘宝 / 天猫</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="67"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="70"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="71"/>
        <source>Gateway</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="72"/>
        <location filename="../../ui/dialogs/shop_settings.py" line="134"/>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="73"/>
        <location filename="../../ui/dialogs/shop_settings.py" line="135"/>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="74"/>
        <location filename="../../ui/dialogs/shop_settings.py" line="136"/>
        <source>Session key</source>
        <translation>授权码 (SessionKey)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="75"/>
        <source>Associated-shop group</source>
        <translation>关联店铺组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="76"/>
        <source>Sender name</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="77"/>
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="78"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="79"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="80"/>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="81"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="89"/>
        <source>shops in one group share the sender and waybill account</source>
        <translation>同组店铺共用寄件人和面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="90"/>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="94"/>
        <source>Add a shop that syncs through its platform&apos;s open API</source>
        <translation>添加通过平台开放接口同步的店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="97"/>
        <source>Waybill accounts…</source>
        <translation>面单账号…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="98"/>
        <source>Where the tracking numbers of each shop group come from</source>
        <translation>各关联店铺组的运单号从哪里获取</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="128"/>
        <source>Client id</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="129"/>
        <source>Client secret</source>
        <translation>Client Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="130"/>
        <source>Access token</source>
        <translation>Access Token</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="166"/>
        <source>Shop added. Its orders arrive with the next sync (F5). Next: the waybill account its shop group prints with (Waybill accounts…).</source>
        <translation>店铺已添加，它的订单会在下次同步（F5）时到达。下一步：设置其关联店铺组打印所用的面单账号（面单账号…）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="217"/>
        <source>%1 pushes its stock: the next sync round sends the available stock of its tracked SKUs.</source>
        <translation>%1 已开启库存推送：下一轮同步将发送其管理库存的 SKU 的可用库存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="219"/>
        <source>%1 no longer pushes its stock to the platform.</source>
        <translation>%1 已停止向平台推送库存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="232"/>
        <source>Taobao API</source>
        <translation>淘宝接口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="232"/>
        <source>Pinduoduo API</source>
        <translation>拼多多接口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="233"/>
        <source>imported files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="236"/>
        <source>error: %1</source>
        <translation>出错：%1</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/main.py" line="250"/>
        <source>`packdesk %1` (process %2) is using this data directory (%3). Let it finish first.</source>
        <translation>`packdesk %1`（进程 %2）正在使用此数据目录（%3）。请等它结束后再打开。</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="257"/>
        <source>PackDesk is already open on this data directory (%1): it has been brought to the front.</source>
        <translation>PackDesk 已在此数据目录（%1）上打开：已将该窗口切换到最前。</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="262"/>
        <source>PackDesk is already open on this data directory (%1) but does not answer. Close it first.</source>
        <translation>PackDesk 已在此数据目录（%1）上打开，但没有响应。请先关闭它。</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../ui/dialogs/split.py" line="31"/>
        <source>Split into parcels</source>
        <translation>拆单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/split.py" line="34"/>
        <source>Order %1: choose what goes in the next parcel. The rest waits and ships in a later parcel.</source>
        <translation>订单 %1：选择下一个包裹装的商品。其余的留待后续包裹发出。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/split.py" line="41"/>
        <source>The platform records shipments per whole line: a line is reported with the parcel that carries its last units, so each parcel must finish at least one line.</source>
        <translation>平台按整行（子订单）记录发货：一行随装有它最后几件的包裹回传，所以每个包裹至少要发完一行。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/split.py" line="49"/>
        <source>Line</source>
        <translation>商品行</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/split.py" line="50"/>
        <source>Units in this parcel</source>
        <translation>本包裹件数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/split.py" line="59"/>
        <source> of %1</source>
        <translation> / 共 %1</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="46"/>
        <source>Station settings</source>
        <translation>工位设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="48"/>
        <source>How this bench packs</source>
        <translation>本工位的验货方式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="49"/>
        <source>Scanning an item opens the most urgent order that needs it</source>
        <translation>扫商品条码即打开最急需要它的订单（先扫商品）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="51"/>
        <source>Scan the printed waybill to confirm it is on the right parcel</source>
        <translation>打印后扫面单，确认面单贴在正确的包裹上</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="55"/>
        <source>The order number, a pick list barcode or a pre-printed waybill always opens its order; when every item is verified the waybill prints.</source>
        <translation>扫订单号、拣货单条码或已打印的面单，总能打开对应订单；所有商品验完后自动打印面单。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="65"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="73"/>
        <source>Shortest scan (characters)</source>
        <translation>最短条码（字符数）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="74"/>
        <source>Longest gap between a scanner&apos;s keys</source>
        <translation>扫描枪按键最长间隔</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="75"/>
        <source>Prefix the scanner sends</source>
        <translation>扫描枪发送的前缀</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="76"/>
        <source>Suffix the scanner sends</source>
        <translation>扫描枪发送的后缀</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="77"/>
        <source>Serial scanner (optional)</source>
        <translation>串口扫描枪（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="79"/>
        <source>Bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="84"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="85"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="86"/>
        <source>Scale (optional)</source>
        <translation>电子秤（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="87"/>
        <source>Box and filler weight</source>
        <translation>纸箱和填充物重量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="88"/>
        <source>Lock the bench when idle for</source>
        <translation>空闲多久后锁定工位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="90"/>
        <source>A new serial scanner or scale is used from the next start of PackDesk.</source>
        <translation>新设置的串口扫描枪或电子秤将在下次启动 PackDesk 时生效。</translation>
    </message>
</context>
<context>
    <name>StationView</name>
    <message>
        <location filename="../../ui/station/view.py" line="123"/>
        <source>Scan or type a code, then Enter</source>
        <translation>扫描或输入条码后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="124"/>
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="127"/>
        <source>Park (F8)</source>
        <translation>暂存 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="131"/>
        <source>Bind code…</source>
        <translation>绑定条码…</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="132"/>
        <source>Confirm by hand…</source>
        <translation>手工确认…</translation>
    </message>
    <message>
        <location filename="../../ui/station/supervisor_flow.py" line="43"/>
        <source>Supervisor: let it ship…</source>
        <translation>主管放行…</translation>
    </message>
    <message>
        <location filename="../../ui/station/lock_panel.py" line="35"/>
        <source>Locked. Scan your badge, or sign in with your name and PIN.</source>
        <translation>已锁定。请扫工牌，或输入姓名和密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/station/lock_panel.py" line="41"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/station/lock_panel.py" line="43"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/station/lock_panel.py" line="45"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/station/lock_panel.py" line="106"/>
        <source>That is not a badge. Scan your badge, or sign in.</source>
        <translation>这不是工牌。请扫工牌，或输入姓名和密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/station/supervisor_flow.py" line="55"/>
        <source>Put the parcel aside.</source>
        <translation>请把包裹放到一边。</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="307"/>
        <source>CHECKING</source>
        <translation>核对中</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="308"/>
        <source>All items verified; asking the platform about order %1 before its label prints</source>
        <translation>商品已全部验完；打印面单前正在向平台核对订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="359"/>
        <source>ERROR</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="175"/>
        <source>PARKED</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="177"/>
        <source>Order %1 set aside at %2: scan it again to go on</source>
        <translation>订单 %1 已暂存（%2）：再扫此订单即可继续</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="164"/>
        <source>SCAN ITEMS</source>
        <translation>请扫商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="184"/>
        <source>Order %1 reopened: its label is void, verify every item again</source>
        <translation>订单 %1 已重新打开：原面单作废，请重新验全部商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="169"/>
        <source>Order %1 reopened where it was: %2 verified</source>
        <translation>订单 %1 已按中断前的进度恢复：已验 %2</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="191"/>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="193"/>
        <source>WEIGH IT</source>
        <translation>请称重</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="195"/>
        <source>The scale gives no steady weight: put the parcel on it, then scan %1</source>
        <translation>电子秤没有稳定读数：把包裹放上秤，再扫 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="167"/>
        <source>WRONG WEIGHT</source>
        <translation>重量不对</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="202"/>
        <source>The parcel weighs %1 g but its items %2 g: check the items, then scan the order again</source>
        <translation>包裹重 %1 克，商品应重 %2 克：请核对商品后再扫订单号</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="212"/>
        <source>Check the parcel, then scan order %1 to weigh it again</source>
        <translation>请核对包裹，然后扫订单 %1 重新称重</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="165"/>
        <source>SCAN THE WAYBILL</source>
        <translation>请扫面单</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="246"/>
        <source>Today: %1 · %2 · %3 caught</source>
        <translation>今日：%1 · %2 · 拦下 %3 次差错</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="249"/>
        <source>Today: %1 · %2 · %3/h · %4 caught</source>
        <translation>今日：%1 · %2 · %3 单/小时 · 拦下 %4 次差错</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/station/view.py" line="254"/>
        <source>%n parcel(s)</source>
        <translation>
            <numerusform>%n 单</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/station/view.py" line="255"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/station/view.py" line="375"/>
        <source>Order %1 opened: %n piece(s) to verify</source>
        <translation>
            <numerusform>已打开订单 %1：共 %n 件待验</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="216"/>
        <source>Scan waybill %1 on this parcel first</source>
        <translation>请先扫描贴在此包裹上的面单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="219"/>
        <source>WRONG ITEM</source>
        <translation>错误商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="220"/>
        <source>%1 is not in this order: put it back</source>
        <translation>%1 不属于这个订单：请放回</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="223"/>
        <source>TOO MANY</source>
        <translation>多扫了</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="225"/>
        <source>%1 needs only %2: take one out</source>
        <translation>%1 只需要 %2 件：请拿出多余的</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="229"/>
        <source>SCAN AN ORDER FIRST</source>
        <translation>请先扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="230"/>
        <source>%1 is a product; scan the order number or waybill first</source>
        <translation>%1 是商品条码；请先扫订单号或面单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="233"/>
        <source>UNKNOWN CODE</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="234"/>
        <source>Nobody knows the code %1</source>
        <translation>无法识别条码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="237"/>
        <source>FINISH THIS ORDER</source>
        <translation>请先完成当前订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="166"/>
        <source>COMPLETE</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="244"/>
        <source>All items verified</source>
        <translation>全部商品已验</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="163"/>
        <source>Stick waybill %1 on the parcel and scan it</source>
        <translation>贴好面单 %1 后扫描确认</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="54"/>
        <source>the order is not paid yet</source>
        <translation>订单买家尚未付款</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="59"/>
        <source>the order is out of stock</source>
        <translation>订单缺货待补货</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="60"/>
        <source>the order was split (or its split undone) while it was packed: pack it again</source>
        <translation>打包期间订单被拆单（或撤销拆单）：请重新打包</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="248"/>
        <source>Waybill printed: %1</source>
        <translation>面单已打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="253"/>
        <source>Verified with waybill %1; recorded as shipped. Next order!</source>
        <translation>已按面单 %1 验货并记录发货，下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="260"/>
        <source>Waybill %1 printed, parcel recorded as shipped. Next order!</source>
        <translation>面单 %1 已打印，包裹已记为发货。请扫下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="264"/>
        <source>PRINT FAILED</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="128"/>
        <source>The label of order %1 may have printed in part: answer “did it print?” in the print queue, then scan the order again</source>
        <translation>订单 %1 的面单可能只打了一部分：请在打印队列里回答“打出来了吗？”，然后再扫一次订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="136"/>
        <source>%1 Then scan order %2 again to print its label.</source>
        <translation>%1 然后再扫一次订单 %2 打印面单。</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="51"/>
        <source>the order is closed (refunded or cancelled)</source>
        <translation>订单已关闭（已退款或取消）</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="52"/>
        <source>the buyer asked for a refund</source>
        <translation>买家申请了退款</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="53"/>
        <source>the order is on hold</source>
        <translation>订单已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="55"/>
        <source>the order has already shipped</source>
        <translation>订单已发货</translation>
    </message>
    <message>
        <location filename="../../ui/station/supervisor_flow.py" line="51"/>
        <location filename="../../ui/station/verdicts.py" line="266"/>
        <source>STOP</source>
        <translation>停！拦截</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="239"/>
        <source>Order %1 is still open (%2): finish it or park it (F8)</source>
        <translation>订单 %1 还没验完（%2）：请先验完或暂存 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="56"/>
        <source>the buyer changed the address after the label was printed</source>
        <translation>面单打印后买家改了地址</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="267"/>
        <source>Do not ship order %1: %2</source>
        <translation>不要发出订单 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="270"/>
        <source>UNDONE</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="271"/>
        <source>Took back one %1</source>
        <translation>撤回一次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="386"/>
        <source>SCAN AN ORDER</source>
        <translation>请扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/view.py" line="386"/>
        <source>Scan the order number or the waybill to start</source>
        <translation>扫描订单号或面单开始验货</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="91"/>
        <source>No order open</source>
        <translation>没有打开的订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="128"/>
        <source>Order %1 · %2</source>
        <translation>订单 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="145"/>
        <source>Buyer message: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="147"/>
        <source>Seller memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="201"/>
        <source>Ship by %1 (%2)</source>
        <translation>发货截止 %1（%2）</translation>
    </message>
</context>
<context>
    <name>StockCountModel</name>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="44"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="45"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="46"/>
        <source>Counted</source>
        <translation>盘点数</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="47"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="48"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="119"/>
        <source>Double-click to correct the count</source>
        <translation>双击修正盘点数</translation>
    </message>
    <message>
        <location filename="../../ui/models/stock_count_model.py" line="121"/>
        <source>PackDesk keeps no stock of this SKU yet: the count becomes its on-hand stock</source>
        <translation>PackDesk 尚未管理此 SKU 的库存：盘点数将成为其现有库存</translation>
    </message>
</context>
<context>
    <name>StockCountPanel</name>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="40"/>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="47"/>
        <source>Scan every piece on the shelf: a case-pack barcode counts the pieces its case holds. Double-click a count to correct it. Nothing changes until you commit.</source>
        <translation>扫描货架上的每一件商品：扫描整箱条码按每箱件数计数。双击盘点数可修正。提交前不会修改任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="53"/>
        <location filename="../../ui/widgets/stock_count.py" line="97"/>
        <source>Scan the first item.</source>
        <translation>请扫描第一件商品。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="72"/>
        <location filename="../../ui/widgets/stock_count.py" line="138"/>
        <location filename="../../ui/widgets/stock_count.py" line="160"/>
        <source>Commit count</source>
        <translation>提交盘点</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="73"/>
        <location filename="../../ui/widgets/stock_count.py" line="165"/>
        <source>Cancel count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="113"/>
        <source>Unknown code %1: not counted</source>
        <translation>未知条码 %1：不计入</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="118"/>
        <source>%1 +%2 → %3</source>
        <translation>%1 +%2 → %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/stock_count.py" line="127"/>
        <source>%n SKU(s) counted</source>
        <translation>
            <numerusform>已盘点 %n 个 SKU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/stock_count.py" line="128"/>
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/stock_count.py" line="136"/>
        <source>Set the on-hand stock of %n SKU(s) to what was counted?</source>
        <translation>
            <numerusform>将 %n 个 SKU 的现有库存设为盘点数？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/stock_count.py" line="165"/>
        <source>Drop this count? Nothing of it is saved.</source>
        <translation>放弃本次盘点？盘点结果不会保存。</translation>
    </message>
</context>
<context>
    <name>StopsDialog</name>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="129"/>
        <source>Carrier stops</source>
        <translation>快递停运</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="131"/>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="131"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="131"/>
        <source>Carrier</source>
        <translation>快递</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="131"/>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="132"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="132"/>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="132"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="136"/>
        <source>Provinces or cities, e.g. 新疆,西藏 (全国: everywhere)</source>
        <translation>省份或城市，例如 新疆,西藏（全国：所有地区）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="139"/>
        <source>Why, e.g. the carrier&apos;s announcement</source>
        <translation>原因，例如快递公司的公告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="140"/>
        <source>Still running there (for spring-festival mode)</source>
        <translation>当地照常运营（用于春节模式）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="141"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="143"/>
        <source>Carrier:</source>
        <translation>快递：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="145"/>
        <source>Regions:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="147"/>
        <location filename="../../ui/dialogs/service_rules.py" line="173"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="149"/>
        <location filename="../../ui/dialogs/service_rules.py" line="175"/>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="151"/>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="155"/>
        <source>New stop</source>
        <translation>新增停运</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="158"/>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="159"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="160"/>
        <source>Columns: carrier, regions, from, to, note</source>
        <translation>列：carrier, regions, from, to, note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="161"/>
        <source>Add the starter list</source>
        <translation>添加预置停运表</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="162"/>
        <source>Typical spring-festival stops to check and edit</source>
        <translation>常见的春节停运安排，请核对后修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="168"/>
        <source>Spring-festival mode: only carriers still running are offered</source>
        <translation>春节模式：只提供仍在运营的快递</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="170"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="198"/>
        <source>stopped</source>
        <translation>停运</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="198"/>
        <source>still running</source>
        <translation>照常运营</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/service_rules.py" line="233"/>
        <source>Import carrier stops</source>
        <translation>导入快递停运</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="26"/>
        <source>Bind a code</source>
        <translation>绑定条码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="26"/>
        <source>Confirm an item by hand</source>
        <translation>手工确认商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="27"/>
        <source>Let this order ship after all</source>
        <translation>放行此订单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="30"/>
        <source>Code</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="35"/>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="40"/>
        <source>Units per scan</source>
        <translation>每扫计件数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="42"/>
        <source>e.g. barcode torn off</source>
        <translation>例如：条码撕掉了</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="43"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/supervisor.py" line="46"/>
        <source>Supervisor PIN</source>
        <translation>主管密码</translation>
    </message>
</context>
<context>
    <name>WaybillAccountsDialog</name>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="61"/>
        <source>Waybill accounts</source>
        <translation>面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="75"/>
        <source>Refresh balances</source>
        <translation>刷新余额</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="76"/>
        <source>Use for its shops by default</source>
        <translation>设为所属店铺的默认账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="78"/>
        <source>The selected account and carrier print the waybills of its shop group unless told otherwise</source>
        <translation>除非另行指定，选中的账号和快递公司将用于打印其关联店铺组的面单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="83"/>
        <source>Set warning level</source>
        <translation>设置预警值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="88"/>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="328"/>
        <source>Warn below</source>
        <translation>低于此数预警</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="96"/>
        <source>Cainiao (Taobao, Tmall and shops authorised on Cainiao)</source>
        <translation>菜鸟（淘宝、天猫及已授权菜鸟的店铺）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="97"/>
        <source>Pinduoduo e-waybills</source>
        <translation>拼多多电子面单</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="98"/>
        <source>Kuaidi100 (a carrier branch account)</source>
        <translation>快递100（快递网点账号）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="99"/>
        <source>Number roll from a carrier</source>
        <translation>快递公司分配的号段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="114"/>
        <source>a shop group, or a shop (its group)</source>
        <translation>关联店铺组，或店铺（即其所在组）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="146"/>
        <source>Add account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="148"/>
        <source>Add an account</source>
        <translation>添加面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="191"/>
        <source>none: the account&apos;s own app key</source>
        <translation>不选：使用账号自己的 App Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="202"/>
        <source>%1 (shop group: %2)</source>
        <translation>%1（关联店铺组：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="206"/>
        <source>%1 (shop)</source>
        <translation>%1（店铺）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="245"/>
        <source>Asking the providers…</source>
        <translation>正在向各面单平台查询…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="262"/>
        <source>Balances are up to date.</source>
        <translation>余额已是最新。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="286"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="299"/>
        <source>the first one the account is subscribed to</source>
        <translation>账号已开通的第一家快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="309"/>
        <source>Provider</source>
        <translation>面单来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="310"/>
        <source>Account name</source>
        <translation>账号名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="311"/>
        <source>Taobao shop</source>
        <translation>淘宝店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="312"/>
        <source>Gateway</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="313"/>
        <source>Client id</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="313"/>
        <source>Key</source>
        <translation>授权 Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="313"/>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="314"/>
        <source>Client secret</source>
        <translation>Client Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="314"/>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="315"/>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="317"/>
        <source>Access token</source>
        <translation>Access Token</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="317"/>
        <source>Partner key</source>
        <translation>面单密码 (partnerKey)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="318"/>
        <source>Session key</source>
        <translation>授权码 (SessionKey)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="320"/>
        <source>Partner id</source>
        <translation>客户账号 (partnerId)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="321"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="321"/>
        <source>Default carrier</source>
        <translation>默认快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="322"/>
        <source>First number</source>
        <translation>起始单号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="323"/>
        <source>How many numbers</source>
        <translation>单号数量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="324"/>
        <source>Used by</source>
        <translation>使用店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="325"/>
        <source>Sender address</source>
        <translation>寄件地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="326"/>
        <source>Sender name</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="327"/>
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="349"/>
        <source>only for a branch (网点) account</source>
        <translation>仅网点账号需要填写</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="350"/>
        <source>the shop group&apos;s, when it has one</source>
        <translation>留空则沿用关联店铺组的设置（如有）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="399"/>
        <source>Asking the provider for the account&apos;s carriers and addresses…</source>
        <translation>正在向面单平台查询该账号的快递公司和寄件地址…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="417"/>
        <source>Account %1 added: %2 numbers left.</source>
        <translation>已添加账号 %1：剩余 %2 个单号。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/waybill_accounts.py" line="428"/>
        <source>Choose the sender address, then add the account again.</source>
        <translation>请选择寄件地址，然后重新添加账号。</translation>
    </message>
</context>
<context>
    <name>WaybillAccountsModel</name>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="40"/>
        <source>Cainiao</source>
        <translation>菜鸟</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="41"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="42"/>
        <source>Kuaidi100</source>
        <translation>快递100</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="43"/>
        <source>Number roll</source>
        <translation>号段</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="44"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="57"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="58"/>
        <source>Provider</source>
        <translation>面单来源</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="59"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="60"/>
        <source>Numbers left</source>
        <translation>剩余单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="61"/>
        <source>Sender address</source>
        <translation>寄件地址</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="62"/>
        <source>Used by</source>
        <translation>使用店铺</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="75"/>
        <location filename="../../ui/models/waybill_accounts_model.py" line="86"/>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="93"/>
        <source>%1 (below %2)</source>
        <translation>%1（低于 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/models/waybill_accounts_model.py" line="98"/>
        <source>not chosen</source>
        <translation>未选择</translation>
    </message>
</context>
<context>
    <name>WaybillPage</name>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="202"/>
        <source>Tracking numbers</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../ui/first_run/bench_pages.py" line="205"/>
        <source>Where the waybill numbers come from: a number roll from your carrier, or an e-waybill account (Cainiao, Pinduoduo, Kuaidi100). Later: Shops ▸ Waybill accounts…</source>
        <translation>快递单号从哪里来：快递公司给的单号段，或电子面单账号（菜鸟、拼多多、快递100）。之后可在：店铺 ▸ 面单账号…</translation>
    </message>
</context>
</TS>
