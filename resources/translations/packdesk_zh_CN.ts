<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../app/domain/catalog.py" line="30"/>
        <source>Unknown platform &apos;{platform}&apos;. Use one of: {known}.</source>
        <translation>未知的平台“{platform}”。可用的平台：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="31"/>
        <source>No shop named &apos;{name}&apos;. Shops here: {names}.</source>
        <translation>没有名为“{name}”的店铺。已有的店铺：{names}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="32"/>
        <source>No shop named &apos;{name}&apos;. There are no shops yet: add one with `shop add`.</source>
        <translation>没有名为“{name}”的店铺。还没有任何店铺：请用 `shop add` 添加。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="35"/>
        <source>A shop needs a name.</source>
        <translation>店铺需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="36"/>
        <source>Shop &apos;{name}&apos; is a {platform} shop, not {wanted}.</source>
        <translation>店铺“{name}”是 {platform} 店铺，不是 {wanted} 店铺。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="37"/>
        <source>The gateway &apos;{gateway}&apos; is not an http(s) address, e.g. https://eco.taobao.com/router/rest</source>
        <translation>网关“{gateway}”不是 http(s) 地址，例如 https://eco.taobao.com/router/rest</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="40"/>
        <source>The app key is empty.</source>
        <translation>App Key 为空。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="41"/>
        <source>The app secret and the session key are both needed.</source>
        <translation>App Secret 和授权码 (SessionKey) 都必须填写。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="42"/>
        <source>The secrets file {path} cannot be read: {error}</source>
        <translation>无法读取密钥文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="45"/>
        <source>This shop&apos;s app secret and session key are not stored here: add the shop again with `shop add`.</source>
        <translation>本机没有保存这个店铺的 App Secret 和授权码 (SessionKey)：请用 `shop add` 重新添加店铺。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="49"/>
        <source>No system keyring is available, so the shop&apos;s secrets are kept in {path} (readable only by you). Install and unlock a keyring (GNOME Keyring, KWallet, Windows Credential Manager) to keep them there.</source>
        <translation>系统没有可用的密钥环，店铺密钥已保存在 {path}（只有您本人可读）。安装并解锁密钥环（GNOME Keyring、KWallet、Windows 凭据管理器）后即可改存到密钥环中。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="54"/>
        <source>A sender needs a name, a phone number, a province and a street address.</source>
        <translation>寄件人需要填写姓名、电话、省份和详细地址。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="58"/>
        <source>Unknown status &apos;{status}&apos;. Use one of: {known}.</source>
        <translation>未知的订单状态“{status}”。可用的状态：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="59"/>
        <source>--limit must be at least 1.</source>
        <translation>--limit 至少为 1。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="60"/>
        <source>No order {order_no} in the cache.</source>
        <translation>本地缓存中没有订单 {order_no}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="61"/>
        <source>closed</source>
        <translation>订单已关闭</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="62"/>
        <source>shipped</source>
        <translation>订单已发货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="63"/>
        <source>on hold</source>
        <translation>订单已挂起</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="64"/>
        <source>refund</source>
        <translation>买家申请了退款</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="66"/>
        <source>Unknown carrier &apos;{carrier}&apos;. Known carriers: {known}.</source>
        <translation>未知的快递公司“{carrier}”。已知的快递公司：{known}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="67"/>
        <source>&apos;{tracking_no}&apos; is not a tracking number: use 8-40 letters and digits.</source>
        <translation>“{tracking_no}”不是运单号：运单号由 8-40 位字母和数字组成。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="70"/>
        <source>{number} does not look like a {carrier} number; recorded as {carrier} as you said.</source>
        <translation>{number} 看起来不像 {carrier} 的运单号；已按您指定的 {carrier} 记录。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="73"/>
        <source>Order {order_no} cannot ship: {reason}.</source>
        <translation>订单 {order_no} 不能发货：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="74"/>
        <source>Tracking number {number} is already used by order {order_no}.</source>
        <translation>运单号 {number} 已被订单 {order_no} 使用。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="77"/>
        <source>Order {order_no} already has the printed waybill {tracking_no}; ship it with that number or void it first.</source>
        <translation>订单 {order_no} 已打印面单 {tracking_no}；请用这个运单号发货，或先作废该面单。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="81"/>
        <source>{number} is not a {carrier} tracking number as {platform} checks them (pattern {pattern}); the platform would refuse the shipment.</source>
        <translation>按 {platform} 的校验规则，{number} 不是 {carrier} 的运单号（规则 {pattern}）；平台会拒绝这次发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="87"/>
        <source>Shop &apos;{shop}&apos; has no waybill account. Add the shop to a group with an account.</source>
        <translation>店铺“{shop}”没有面单账号。请把店铺加入一个有面单账号的关联店铺组。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="90"/>
        <source>Shop &apos;{shop}&apos; has no waybill account: add one for its shop group, then print again.</source>
        <translation>店铺“{shop}”没有面单账号：请为它的关联店铺组添加一个，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="93"/>
        <source>Shop &apos;{shop}&apos; has no {carrier} waybill account: add one for its shop group, then print again.</source>
        <translation>店铺“{shop}”没有 {carrier} 面单账号：请为它的关联店铺组添加一个，然后重新打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="96"/>
        <source>The {carrier} waybill account &apos;{account}&apos; has no tracking numbers left.</source>
        <translation>{carrier}面单账号“{account}”的运单号已经用完。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="99"/>
        <source>The waybill account &apos;{account}&apos; is of kind &apos;{kind}&apos;, which this installation cannot issue numbers for (it can for: {known}).</source>
        <translation>面单账户“{account}”的类型为“{kind}”，本安装无法为该类型分配单号（可分配的类型：{known}）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="105"/>
        <source>{field} must be between {low} and {high}; it is {value}.</source>
        <translation>{field}必须在 {low} 到 {high} 之间；当前为 {value}。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="108"/>
        <source>{field} must be at most 8 printable characters.</source>
        <translation>{field}最多 8 个可打印字符。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="109"/>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="110"/>
        <source>The serial scanner and the scale cannot use the same port.</source>
        <translation>串口扫描枪和电子秤不能使用同一个端口。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="113"/>
        <source>Lock after (minutes)</source>
        <translation>空闲锁定时间（分钟）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="114"/>
        <source>Shortest scan</source>
        <translation>最短条码</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="115"/>
        <source>Longest gap between a scanner&apos;s keys (ms)</source>
        <translation>扫描枪按键最长间隔（毫秒）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="116"/>
        <source>Box and filler weight (g)</source>
        <translation>纸箱和填充物重量（克）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="117"/>
        <source>Scanner prefix</source>
        <translation>扫描枪前缀</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="118"/>
        <source>Scanner suffix</source>
        <translation>扫描枪后缀</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="119"/>
        <source>Serial scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="120"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="122"/>
        <source>&apos;{uri}&apos; is not a serial address; use serial:///dev/ttyUSB0?baud=9600 or serial://COM3.</source>
        <translation>“{uri}”不是串口地址；请使用 serial:///dev/ttyUSB0?baud=9600 或 serial://COM3。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="125"/>
        <source>baud={baud} is not a number</source>
        <translation>baud={baud} 不是数字</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="126"/>
        <source>&apos;{uri}&apos; names no port.</source>
        <translation>“{uri}”没有指定端口。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="127"/>
        <location filename="../../printers/errors.py" line="79"/>
        <source>Cannot open serial port {port}: {error}</source>
        <translation>无法打开串口 {port}：{error}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="129"/>
        <source>This database was written by a newer PackDesk (schema {revision}); update PackDesk before opening it.</source>
        <translation>这个数据库由更新版本的 PackDesk 写入（架构 {revision}）；请先升级 PackDesk 再打开。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="133"/>
        <source>This file is a database, but not a PackDesk one: it has tables PackDesk did not make.</source>
        <translation>这个文件是数据库，但不是 PackDesk 的数据库：其中有不是 PackDesk 创建的表。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="136"/>
        <source>Upgrading the database left broken references; it was not changed.</source>
        <translation>升级数据库后出现了断开的引用；数据库没有被改动。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="139"/>
        <source>The database is busy: another PackDesk window or command is writing to it. Wait a moment and try again.</source>
        <translation>数据库正忙：另一个 PackDesk 窗口或命令正在写入。请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="143"/>
        <source>The database file is damaged or is not a PackDesk database. Restore it from a backup, or point PackDesk at another data directory.</source>
        <translation>数据库文件已损坏，或不是 PackDesk 数据库。请从备份恢复，或让 PackDesk 使用另一个数据目录。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="148"/>
        <source>PackDesk cannot write its database here. Check that the data directory exists and is writable.</source>
        <translation>PackDesk 无法在这里写入数据库。请检查数据目录是否存在并且可写。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog.py" line="152"/>
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
        <location filename="../../app/domain/catalog_printing.py" line="20"/>
        <source>Order {order_no} has already shipped.</source>
        <translation>订单 {order_no} 已经发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="21"/>
        <source>Order {order_no} is on hold: release it before printing.</source>
        <translation>订单 {order_no} 已挂起：请先解除挂起再打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="24"/>
        <source>Every item of order {order_no} has a refund requested: it must not ship.</source>
        <translation>订单 {order_no} 的每件商品都申请了退款：不能发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="27"/>
        <source>The waybill of order {order_no} ({tracking_no}) is already waiting in the print queue (job {job}). Print it with `packdesk queue run --printer URI` (or print the order again: its waiting job resumes), or take it out with `packdesk queue cancel {job}`.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）已在打印队列中等待（任务 {job}）。用 `packdesk queue run --printer URI` 打印（或再次打印该订单：等待中的任务会接着打印），或用 `packdesk queue cancel {job}` 将其移出队列。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="33"/>
        <source>The waybill of order {order_no} ({tracking_no}) is being sent to a printer right now (job {job}). Wait for it; if that print stops, answer with `packdesk queue confirm {job}` (it came out whole) or `packdesk queue requeue {job}`.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）正在发送到打印机（任务 {job}）。请等待；如果打印中断，请用 `packdesk queue confirm {job}`（面单完整打出）或 `packdesk queue requeue {job}` 回答。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="39"/>
        <source>The waybill of order {order_no} ({tracking_no}) may have printed only in part (job {job}: did it print?). If the label came out whole, run `packdesk queue confirm {job}`; to print it again, marked as a reprint, run `packdesk queue requeue {job}` and then print again.</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）可能只打出了一部分（任务 {job}：打出来了吗？）。如果面单完整打出，请运行 `packdesk queue confirm {job}`；要重新打印（标为重打），请运行 `packdesk queue requeue {job}`，然后再打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="45"/>
        <source>The waybill of order {order_no} ({tracking_no}) was already printed {count} time(s). Give a reason to print it again (--reprint REASON).</source>
        <translation>订单 {order_no} 的面单（{tracking_no}）已经打印过 {count} 次。要再次打印，请说明原因（--reprint REASON）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="51"/>
        <source>packed again at the station</source>
        <translation>在工作台重新验货</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="52"/>
        <source>not printed</source>
        <translation>未打印</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="53"/>
        <source>after sending: {reason}</source>
        <translation>发送之后：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="54"/>
        <source>{first} / {then}</source>
        <translation>{first} / {then}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="55"/>
        <source>cancelled: {reason}</source>
        <translation>已取消：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="56"/>
        <source>order {reason}</source>
        <translation>{reason}</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="57"/>
        <source>order stopped at the bench ({stop})</source>
        <translation>订单在工作台被拦截（{stop}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="58"/>
        <source>taken out of the queue</source>
        <translation>已移出队列</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="59"/>
        <source>interrupted while sending: did it print?</source>
        <translation>发送时中断：打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="60"/>
        <source>did it print?</source>
        <translation>打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="61"/>
        <source>reprint: copy {copy} may have been cut off ({reason})</source>
        <translation>重打：第 {copy} 份可能没有打完整（{reason}）</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="62"/>
        <source>the label may have printed: answer in the print queue</source>
        <translation>面单可能已经打出：请在打印队列中回答</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="66"/>
        <source>No print job {job}. `packdesk queue list` shows the jobs.</source>
        <translation>没有打印任务 {job}。`packdesk queue list` 会列出所有任务。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="69"/>
        <source>Print job {job} is {state}; only unknown or failed jobs need an answer.</source>
        <translation>打印任务 {job} 的状态是 {state}；只有状态不明或失败的任务需要回答。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="72"/>
        <source>Print job {job} has not been sent yet, so there is nothing to answer: it prints with `packdesk queue run --printer {printer}`, or `packdesk queue cancel {job}` takes it out.</source>
        <translation>打印任务 {job} 还没有发送，无需回答：用 `packdesk queue run --printer {printer}` 打印，或用 `packdesk queue cancel {job}` 将其移出队列。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="77"/>
        <source>Print job {job} is being sent right now; answer once it has stopped (`packdesk queue list` shows it).</source>
        <translation>打印任务 {job} 正在发送；请等它停下后再回答（`packdesk queue list` 会显示它）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="81"/>
        <source>Print job {job} has printed. To print its waybill again: `packdesk print ORDER_NO --reprint REASON`.</source>
        <translation>打印任务 {job} 已打印。要再次打印它的面单：`packdesk print ORDER_NO --reprint REASON`。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="85"/>
        <source>Print job {job} was {reason}; it cannot count as printed.</source>
        <translation>打印任务 {job} {reason}；不能算作已打印。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="88"/>
        <source>Print job {job} was {reason}; it cannot be resent. If the order may ship, print it again (`packdesk print ORDER_NO --printer URI`).</source>
        <translation>打印任务 {job} {reason}；不能重新发送。如果订单仍可发货，请重新打印（`packdesk print ORDER_NO --printer URI`）。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="93"/>
        <source>Print job {job} is {state}, not waiting: only a job that has not been sent can be cancelled.</source>
        <translation>打印任务 {job} 的状态是 {state}，不在等待中：只有尚未发送的任务才能取消。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="97"/>
        <source>Print job {job} is {state}, not waiting: only a job that has not been sent can be cancelled. Answer it with `packdesk queue confirm {job}` or `packdesk queue requeue {job}`.</source>
        <translation>打印任务 {job} 的状态是 {state}，不在等待中：只有尚未发送的任务才能取消。请用 `packdesk queue confirm {job}` 或 `packdesk queue requeue {job}` 回答它。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="103"/>
        <source>Say why the order may ship after all.</source>
        <translation>请说明为什么这个订单仍然可以发货。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="104"/>
        <source>Order {order_no} cannot ship: {reason}. No override can change that.</source>
        <translation>订单 {order_no} 不能发货：{reason}。任何放行都改变不了。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="107"/>
        <source>Order {order_no} is not stopped.</source>
        <translation>订单 {order_no} 没有被拦截。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="108"/>
        <source>Finish or park the open parcel first.</source>
        <translation>请先完成或暂存当前包裹。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="109"/>
        <source>Order {order_no} has shipped: it can no longer be reopened.</source>
        <translation>订单 {order_no} 已发货：不能再重新打开。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="112"/>
        <source>Open the parcel the item belongs to, then bind its code.</source>
        <translation>请先打开这件商品所属的包裹，再绑定条码。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="115"/>
        <source>{sku} is not in order {order_no}.</source>
        <translation>{sku} 不在订单 {order_no} 中。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="116"/>
        <source>A code counts 1 to 999 units.</source>
        <translation>一个条码代表 1 到 999 件。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="117"/>
        <source>The code {code} already belongs to a product.</source>
        <translation>条码 {code} 已属于某个商品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="118"/>
        <source>There is no open parcel to confirm an item in.</source>
        <translation>没有打开的包裹可以确认商品。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="119"/>
        <source>Say why the item cannot be scanned.</source>
        <translation>请说明为什么这件商品无法扫描。</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_printing.py" line="120"/>
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
        <location filename="../../app/domain/catalog_sync.py" line="42"/>
        <source>the answer has no {root} object</source>
        <translation>回复中没有 {root} 对象</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="43"/>
        <source>the answer is nested too deeply</source>
        <translation>回复嵌套过深</translation>
    </message>
    <message>
        <location filename="../../app/domain/catalog_sync.py" line="44"/>
        <source>the answer is not a JSON object</source>
        <translation>回复不是 JSON 对象</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/windows/main_window.py" line="53"/>
        <source>PackDesk · packing station</source>
        <translation>PackDesk · 打包验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="61"/>
        <source>Station</source>
        <translation>验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="62"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="63"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="66"/>
        <source>Ship-backs</source>
        <translation>发货回传</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="69"/>
        <source>Printer setup…</source>
        <translation>打印机设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="71"/>
        <source>&amp;Printer</source>
        <translation>打印机(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="73"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="75"/>
        <source>Import seller-centre files…</source>
        <translation>导入商家后台订单…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="77"/>
        <source>&amp;Shops</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="78"/>
        <source>Shop settings…</source>
        <translation>店铺设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="87"/>
        <source>S&amp;tation</source>
        <translation>工位(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="88"/>
        <source>Mute sounds</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="92"/>
        <source>Reopen a parcel…</source>
        <translation>重新打开包裹…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="95"/>
        <source>Station settings…</source>
        <translation>工位设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="100"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="120"/>
        <location filename="../../ui/windows/main_window.py" line="325"/>
        <source>Packer: %1</source>
        <translation>打包员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="121"/>
        <source>Station: %1</source>
        <translation>工位：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="154"/>
        <source>Printing %n waybill(s)…</source>
        <translation>
            <numerusform>正在打印 %n 张面单…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="270"/>
        <source>%n ship-back(s) waiting</source>
        <translation>
            <numerusform>%n 单待回传</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/windows/main_window.py" line="272"/>
        <source>%n shipment(s) for the seller centre</source>
        <translation>
            <numerusform>%n 单需在卖家中心发货</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="304"/>
        <source>Orders: %1 new, %2 changed, %3 unchanged.</source>
        <translation>订单：新增 %1 单，更新 %2 单，未变 %3 单。</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="158"/>
        <source>Save waybills as PDF</source>
        <translation>面单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="163"/>
        <source>Printed %1 of %2</source>
        <translation>已打印 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="166"/>
        <source>%1 printed</source>
        <translation>已打印 %1 张</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="168"/>
        <location filename="../../ui/windows/main_window.py" line="274"/>
        <source>%1 refused</source>
        <translation>%1 单被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="170"/>
        <source>%1 waiting in the queue</source>
        <translation>%1 张在队列中等待</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="176"/>
        <source>Printing stopped: %1</source>
        <translation>打印已暂停：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="179"/>
        <source>Some waybills did not print</source>
        <translation>部分面单没有打印</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="183"/>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="183"/>
        <source>No printer configured</source>
        <translation>未设置打印机</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="193"/>
        <source>Printer setup</source>
        <translation>打印机设置</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="199"/>
        <source>Reopen a parcel</source>
        <translation>重新打开包裹</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="199"/>
        <source>Order or waybill number of the parcel closed by mistake:</source>
        <translation>误关闭包裹的订单号或运单号：</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="249"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="261"/>
        <source>Orders from imported files</source>
        <translation>订单来自导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="263"/>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="266"/>
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="268"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="286"/>
        <source>Import seller-centre exports</source>
        <translation>导入商家后台导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="286"/>
        <source>Order exports (*.csv *.txt)</source>
        <translation>订单导出文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="290"/>
        <location filename="../../ui/windows/main_window.py" line="319"/>
        <location filename="../../ui/windows/main_window.py" line="322"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="290"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="314"/>
        <source>%1 row %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="125"/>
        <source>Could not save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/models/orders_model.py" line="34"/>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="35"/>
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="36"/>
        <source>Out of stock</source>
        <translation>缺货待补货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="37"/>
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="38"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="39"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="49"/>
        <source>overdue %1h %2m</source>
        <translation>已超时 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="54"/>
        <source>%1h %2m left</source>
        <translation>剩 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="79"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="80"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="81"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="82"/>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="83"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="84"/>
        <source>Message / memo</source>
        <translation>留言 / 备注</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="85"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="86"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="65"/>
        <source>Buyer: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="68"/>
        <source>Memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="124"/>
        <source> · refund requested</source>
        <translation> · 退款中</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="140"/>
        <source> +%1 more</source>
        <translation> 等%1种</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="144"/>
        <source>%n pc(s)</source>
        <translation>%n件</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="152"/>
        <source> (printed %1×)</source>
        <translation>（已打%1次）</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="51"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="57"/>
        <source>Search order no., buyer, receiver, SKU, tracking no.</source>
        <translation>搜索 订单号、买家、收件人、商家编码、运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="58"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="59"/>
        <source>Print waybills (Ctrl+P)</source>
        <translation>打印面单 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="61"/>
        <source>Save as one PDF…</source>
        <translation>合并存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="160"/>
        <source> (first %1)</source>
        <translation>（前%1条）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/orders_view.py" line="161"/>
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 个订单</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="165"/>
        <source>Could not load orders: %1</source>
        <translation>无法加载订单：%1</translation>
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
        <location filename="../../ui/station/order_panel.py" line="167"/>
        <source>refund: do not pack</source>
        <translation>退款中：不要装</translation>
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
    <name>ShopSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="33"/>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="38"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="38"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="38"/>
        <source>Orders from</source>
        <translation>订单来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="38"/>
        <source>Group</source>
        <translation>关联店铺组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="38"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="48"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="49"/>
        <source>Gateway</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="50"/>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="51"/>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="52"/>
        <source>Session key</source>
        <translation>授权码 (SessionKey)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="53"/>
        <source>Associated-shop group</source>
        <translation>关联店铺组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="54"/>
        <source>Sender name</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="55"/>
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="56"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="57"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="58"/>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="59"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="67"/>
        <source>shops in one group share the sender and waybill account</source>
        <translation>同组店铺共用寄件人和面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="68"/>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="72"/>
        <source>Add a Taobao shop that syncs through the Taobao Open Platform</source>
        <translation>添加通过淘宝开放平台同步的淘宝店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="107"/>
        <source>Shop added. Its orders arrive with the next sync (F5).</source>
        <translation>店铺已添加，订单将在下次同步（F5）时到达。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="115"/>
        <source>Taobao API</source>
        <translation>淘宝接口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="115"/>
        <source>imported files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="118"/>
        <source>error: %1</source>
        <translation>出错：%1</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../ui/main.py" line="234"/>
        <source>`packdesk %1` (process %2) is using this data directory (%3). Let it finish first.</source>
        <translation>`packdesk %1`（进程 %2）正在使用此数据目录（%3）。请等它结束后再打开。</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="241"/>
        <source>PackDesk is already open on this data directory (%1): it has been brought to the front.</source>
        <translation>PackDesk 已在此数据目录（%1）上打开：已将该窗口切换到最前。</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="246"/>
        <source>PackDesk is already open on this data directory (%1) but does not answer. Close it first.</source>
        <translation>PackDesk 已在此数据目录（%1）上打开，但没有响应。请先关闭它。</translation>
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
        <location filename="../../ui/station/verdicts.py" line="168"/>
        <source>PARKED</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="170"/>
        <source>Order %1 set aside at %2: scan it again to go on</source>
        <translation>订单 %1 已暂存（%2）：再扫此订单即可继续</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="157"/>
        <source>SCAN ITEMS</source>
        <translation>请扫商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="177"/>
        <source>Order %1 reopened: its label is void, verify every item again</source>
        <translation>订单 %1 已重新打开：原面单作废，请重新验全部商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="162"/>
        <source>Order %1 reopened where it was: %2 verified</source>
        <translation>订单 %1 已按中断前的进度恢复：已验 %2</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="184"/>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="186"/>
        <source>WEIGH IT</source>
        <translation>请称重</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="188"/>
        <source>The scale gives no steady weight: put the parcel on it, then scan %1</source>
        <translation>电子秤没有稳定读数：把包裹放上秤，再扫 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="160"/>
        <source>WRONG WEIGHT</source>
        <translation>重量不对</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="195"/>
        <source>The parcel weighs %1 g but its items %2 g: check the items, then scan the order again</source>
        <translation>包裹重 %1 克，商品应重 %2 克：请核对商品后再扫订单号</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="205"/>
        <source>Check the parcel, then scan order %1 to weigh it again</source>
        <translation>请核对包裹，然后扫订单 %1 重新称重</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="158"/>
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
        <location filename="../../ui/station/verdicts.py" line="209"/>
        <source>Scan waybill %1 on this parcel first</source>
        <translation>请先扫描贴在此包裹上的面单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="212"/>
        <source>WRONG ITEM</source>
        <translation>错误商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="213"/>
        <source>%1 is not in this order: put it back</source>
        <translation>%1 不属于这个订单：请放回</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="216"/>
        <source>TOO MANY</source>
        <translation>多扫了</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="218"/>
        <source>%1 needs only %2: take one out</source>
        <translation>%1 只需要 %2 件：请拿出多余的</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="222"/>
        <source>SCAN AN ORDER FIRST</source>
        <translation>请先扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="223"/>
        <source>%1 is a product; scan the order number or waybill first</source>
        <translation>%1 是商品条码；请先扫订单号或面单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="226"/>
        <source>UNKNOWN CODE</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="227"/>
        <source>Nobody knows the code %1</source>
        <translation>无法识别条码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="230"/>
        <source>FINISH THIS ORDER</source>
        <translation>请先完成当前订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="159"/>
        <source>COMPLETE</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="237"/>
        <source>All items verified</source>
        <translation>全部商品已验</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="156"/>
        <source>Stick waybill %1 on the parcel and scan it</source>
        <translation>贴好面单 %1 后扫描确认</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="241"/>
        <source>Waybill printed: %1</source>
        <translation>面单已打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="246"/>
        <source>Verified with waybill %1; recorded as shipped. Next order!</source>
        <translation>已按面单 %1 验货并记录发货，下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="253"/>
        <source>Waybill %1 printed, parcel recorded as shipped. Next order!</source>
        <translation>面单 %1 已打印，包裹已记为发货。请扫下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="257"/>
        <source>PRINT FAILED</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="123"/>
        <source>The label of order %1 may have printed in part: answer “did it print?” in the print queue, then scan the order again</source>
        <translation>订单 %1 的面单可能只打了一部分：请在打印队列里回答“打出来了吗？”，然后再扫一次订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="131"/>
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
        <location filename="../../ui/station/verdicts.py" line="54"/>
        <source>the order has already shipped</source>
        <translation>订单已发货</translation>
    </message>
    <message>
        <location filename="../../ui/station/supervisor_flow.py" line="51"/>
        <location filename="../../ui/station/verdicts.py" line="259"/>
        <source>STOP</source>
        <translation>停！拦截</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="232"/>
        <source>Order %1 is still open (%2): finish it or park it (F8)</source>
        <translation>订单 %1 还没验完（%2）：请先验完或暂存 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="55"/>
        <source>the buyer changed the address after the label was printed</source>
        <translation>面单打印后买家改了地址</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="260"/>
        <source>Do not ship order %1: %2</source>
        <translation>不要发出订单 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="263"/>
        <source>UNDONE</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/station/verdicts.py" line="264"/>
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
        <location filename="../../ui/station/order_panel.py" line="126"/>
        <source>Order %1 · %2</source>
        <translation>订单 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="143"/>
        <source>Buyer message: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="145"/>
        <source>Seller memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/station/order_panel.py" line="199"/>
        <source>Ship by %1 (%2)</source>
        <translation>发货截止 %1（%2）</translation>
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
</TS>
