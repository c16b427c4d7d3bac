<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>JobsTableModel</name>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="28"/>
        <source>Waiting</source>
        <translation>等待打印</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="29"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="30"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="31"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="32"/>
        <source>Did it print?</source>
        <translation>打出来了吗？</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="59"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="60"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="61"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="62"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="63"/>
        <source>Copy</source>
        <translation>份次</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="64"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="65"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="66"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/models/jobs_model.py" line="88"/>
        <source>%1 (reprint)</source>
        <translation>%1（重打）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/windows/main_window.py" line="55"/>
        <source>PackDesk · packing station</source>
        <translation>PackDesk · 打包验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="63"/>
        <source>Station</source>
        <translation>验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="64"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="65"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="71"/>
        <source>Ship-backs</source>
        <translation>发货回传</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="74"/>
        <source>Printer setup…</source>
        <translation>打印机设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="76"/>
        <source>&amp;Printer</source>
        <translation>打印机(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="78"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="80"/>
        <source>Import seller-centre files…</source>
        <translation>导入商家后台订单…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="82"/>
        <source>&amp;Shops</source>
        <translation>店铺(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="83"/>
        <source>Shop settings…</source>
        <translation>店铺设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="92"/>
        <source>S&amp;tation</source>
        <translation>工位(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="93"/>
        <source>Mute sounds</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="97"/>
        <source>Reopen a parcel…</source>
        <translation>重新打开包裹…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="100"/>
        <source>Station settings…</source>
        <translation>工位设置…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="105"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="125"/>
        <location filename="../../ui/windows/main_window.py" line="326"/>
        <source>Packer: %1</source>
        <translation>打包员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="126"/>
        <source>Station: %1</source>
        <translation>工位：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="159"/>
        <source>Printing %1 waybill(s)…</source>
        <translation>正在打印 %1 张面单…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="163"/>
        <source>Save waybills as PDF</source>
        <translation>面单另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="168"/>
        <source>Printed %1 of %2</source>
        <translation>已打印 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="171"/>
        <source>%1 printed</source>
        <translation>已打印 %1 张</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="173"/>
        <location filename="../../ui/windows/main_window.py" line="276"/>
        <source>%1 refused</source>
        <translation>%1 单被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="175"/>
        <source>%1 waiting in the queue</source>
        <translation>%1 张在队列中等待</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="183"/>
        <source>Printing stopped: %1</source>
        <translation>打印已暂停：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="186"/>
        <source>Some waybills did not print</source>
        <translation>部分面单没有打印</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="190"/>
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="190"/>
        <source>No printer configured</source>
        <translation>未设置打印机</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="200"/>
        <source>Printer setup</source>
        <translation>打印机设置</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="206"/>
        <source>Reopen a parcel</source>
        <translation>重新打开包裹</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="206"/>
        <source>Order or waybill number of the parcel closed by mistake:</source>
        <translation>误关闭包裹的订单号或运单号：</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="252"/>
        <source>Syncing…</source>
        <translation>同步中…</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="265"/>
        <source>Orders from imported files</source>
        <translation>订单来自导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="267"/>
        <source>Offline: %1</source>
        <translation>离线：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="270"/>
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="272"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="274"/>
        <source>%1 ship-backs waiting</source>
        <translation>%1 单待回传</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="292"/>
        <source>Import seller-centre exports</source>
        <translation>导入商家后台导出文件</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="292"/>
        <source>Order exports (*.csv *.txt)</source>
        <translation>订单导出文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="296"/>
        <location filename="../../ui/windows/main_window.py" line="319"/>
        <location filename="../../ui/windows/main_window.py" line="323"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="296"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="304"/>
        <source>%1 new, %2 changed, %3 unchanged orders.</source>
        <translation>新增 %1 单，更新 %2 单，未变 %3 单。</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="314"/>
        <source>%1 row %2: %3</source>
        <translation>%1 第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../../ui/main.py" line="177"/>
        <source>Could not save the settings: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/models/orders_model.py" line="32"/>
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="33"/>
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="34"/>
        <source>Out of stock</source>
        <translation>缺货待补货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="35"/>
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="36"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="37"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="47"/>
        <source>overdue %1h %2m</source>
        <translation>已超时 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="52"/>
        <source>%1h %2m left</source>
        <translation>剩 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="63"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="64"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="65"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="66"/>
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="67"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="68"/>
        <source>Message / memo</source>
        <translation>留言 / 备注</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="69"/>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="70"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="110"/>
        <location filename="../../ui/models/orders_model.py" line="168"/>
        <source>Buyer: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="116"/>
        <location filename="../../ui/models/orders_model.py" line="174"/>
        <source>Memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="142"/>
        <source> · refund requested</source>
        <translation> · 退款中</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="158"/>
        <source> +%1 more</source>
        <translation> 等%1种</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="162"/>
        <source>%1 pcs</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="181"/>
        <source> (printed %1×)</source>
        <translation>（已打%1次）</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="56"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="62"/>
        <source>Search order no., buyer, receiver, SKU, tracking no.</source>
        <translation>搜索 订单号、买家、收件人、商家编码、运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="63"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="64"/>
        <source>Print waybills (Ctrl+P)</source>
        <translation>打印面单 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="66"/>
        <source>Save as one PDF…</source>
        <translation>合并存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="159"/>
        <source> (first %1)</source>
        <translation>（前%1条）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="160"/>
        <source>%1 orders</source>
        <translation>%1 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="164"/>
        <source>Could not load orders: %1</source>
        <translation>无法加载订单：%1</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="32"/>
        <source>Send now</source>
        <translation>立即回传</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="33"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="37"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="38"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="39"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="40"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="41"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="42"/>
        <source>Tries</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="43"/>
        <source>Next try</source>
        <translation>下次重试</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="44"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="67"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="68"/>
        <source>sending</source>
        <translation>回传中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="69"/>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="70"/>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="77"/>
        <source>The connection broke while sending; PackDesk checks the order on the platform first</source>
        <translation>发送时连接中断；PackDesk 会先到平台查询订单状态再决定是否重发</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="78"/>
        <source>The platform cannot be reached; PackDesk keeps trying</source>
        <translation>连不上平台；PackDesk 会继续重试</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="79"/>
        <source>The platform limited calls for now; PackDesk waits and tries again</source>
        <translation>平台暂时限制了调用；PackDesk 稍后自动重试</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="80"/>
        <source>The shop&apos;s authorization expired: authorize the shop again</source>
        <translation>店铺授权已过期：请重新授权店铺</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="81"/>
        <source>The platform refused it: %1</source>
        <translation>平台拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/outbox_view.py" line="117"/>
        <source>%1 waiting · %2 refused</source>
        <translation>%1 单等待 · %2 单被拒绝</translation>
    </message>
</context>
<context>
    <name>PackLinesModel</name>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="87"/>
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="88"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="89"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="90"/>
        <source>Verified</source>
        <translation>已验</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="101"/>
        <location filename="../../ui/widgets/station_view.py" line="916"/>
        <source>refund: do not pack</source>
        <translation>退款中：不要装</translation>
    </message>
</context>
<context>
    <name>PrintQueueView</name>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="49"/>
        <source>Print waiting jobs</source>
        <translation>打印等待中的任务</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="50"/>
        <source>It printed</source>
        <translation>已打出</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="51"/>
        <source>Print it again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="52"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="85"/>
        <source>Printing stopped: %1</source>
        <translation>打印已暂停：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="97"/>
        <source>%1 waiting · %2 to confirm</source>
        <translation>%1 张等待 · %2 张待确认</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/queue_view.py" line="121"/>
        <source>no printer is configured</source>
        <translation>尚未设置打印机</translation>
    </message>
</context>
<context>
    <name>PrinterSetupDialog</name>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="40"/>
        <source>Printer setup</source>
        <translation>打印机设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="43"/>
        <source>— choose a printer found on this computer —</source>
        <translation>— 选择本机发现的打印机 —</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="49"/>
        <source>TSPL (most 4-inch label printers)</source>
        <translation>TSPL（多数4寸标签机）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="61"/>
        <location filename="../../ui/dialogs/printer_setup.py" line="64"/>
        <source>printer default</source>
        <translation>打印机默认</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="70"/>
        <source>Check status</source>
        <translation>检查状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="71"/>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="74"/>
        <source>Found</source>
        <translation>已发现</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="76"/>
        <source>Language</source>
        <translation>指令语言</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="77"/>
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="78"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="79"/>
        <source>Offset right</source>
        <translation>向右偏移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="80"/>
        <source>Offset down</source>
        <translation>向下偏移</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="81"/>
        <source>Darkness</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="82"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="83"/>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="187"/>
        <source>Asking the printer…</source>
        <translation>正在询问打印机…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="193"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="194"/>
        <source>Out of labels</source>
        <translation>缺纸（标签用完）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="195"/>
        <source>Cover or print head open</source>
        <translation>上盖或打印头打开</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="196"/>
        <source>Paused on the printer</source>
        <translation>打印机已暂停</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="197"/>
        <source>Offline: nothing answers at this address</source>
        <translation>离线：这个地址没有应答</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="198"/>
        <source>The printer reports an error</source>
        <translation>打印机报告故障</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="199"/>
        <source>Reachable, but it does not report its status</source>
        <translation>可以连接，但打印机不回报状态</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="213"/>
        <source>Printing the test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/printer_setup.py" line="217"/>
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
        <location filename="../../ui/dialogs/shop_settings.py" line="69"/>
        <source>Shops</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="74"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="74"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="74"/>
        <source>Orders from</source>
        <translation>订单来源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="74"/>
        <source>Group</source>
        <translation>关联店铺组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="74"/>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="84"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="85"/>
        <source>Gateway</source>
        <translation>接口地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="86"/>
        <source>App key</source>
        <translation>App Key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="87"/>
        <source>App secret</source>
        <translation>App Secret</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="88"/>
        <source>Session key</source>
        <translation>授权码 (SessionKey)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="89"/>
        <source>Associated-shop group</source>
        <translation>关联店铺组</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="90"/>
        <source>Sender name</source>
        <translation>寄件人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="91"/>
        <source>Sender phone</source>
        <translation>寄件人电话</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="92"/>
        <source>Province</source>
        <translation>省</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="93"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="94"/>
        <source>District</source>
        <translation>区/县</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="95"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="103"/>
        <source>shops in one group share the sender and waybill account</source>
        <translation>同组店铺共用寄件人和面单账号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="104"/>
        <source>Add shop</source>
        <translation>添加店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="108"/>
        <source>Add a Taobao shop that syncs through the Taobao Open Platform</source>
        <translation>添加通过淘宝开放平台同步的淘宝店铺</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="140"/>
        <source>Shop added. Its orders arrive with the next sync (F5).</source>
        <translation>店铺已添加，订单将在下次同步（F5）时到达。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="147"/>
        <source>Taobao API</source>
        <translation>淘宝接口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="147"/>
        <source>imported files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/shop_settings.py" line="150"/>
        <source>error: %1</source>
        <translation>出错：%1</translation>
    </message>
</context>
<context>
    <name>StationSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="45"/>
        <source>Station settings</source>
        <translation>工位设置</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="47"/>
        <source>How this bench packs</source>
        <translation>本工位的验货方式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="48"/>
        <source>Scanning an item opens the most urgent order that needs it</source>
        <translation>扫商品条码即打开最急需要它的订单（先扫商品）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="50"/>
        <source>Scan the printed waybill to confirm it is on the right parcel</source>
        <translation>打印后扫面单，确认面单贴在正确的包裹上</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="54"/>
        <source>The order number, a pick list barcode or a pre-printed waybill always opens its order; when every item is verified the waybill prints.</source>
        <translation>扫订单号、拣货单条码或已打印的面单，总能打开对应订单；所有商品验完后自动打印面单。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="64"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="72"/>
        <source>Shortest scan (characters)</source>
        <translation>最短条码（字符数）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="73"/>
        <source>Longest gap between a scanner&apos;s keys</source>
        <translation>扫描枪按键最长间隔</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="74"/>
        <source>Prefix the scanner sends</source>
        <translation>扫描枪发送的前缀</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="75"/>
        <source>Suffix the scanner sends</source>
        <translation>扫描枪发送的后缀</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="76"/>
        <source>Serial scanner (optional)</source>
        <translation>串口扫描枪（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="78"/>
        <source>Bench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="83"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="84"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="85"/>
        <source>Scale (optional)</source>
        <translation>电子秤（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="86"/>
        <source>Box and filler weight</source>
        <translation>纸箱和填充物重量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="87"/>
        <source>Lock the bench when idle for</source>
        <translation>空闲多久后锁定工位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_settings.py" line="89"/>
        <source>A new serial scanner or scale is used from the next start of PackDesk.</source>
        <translation>新设置的串口扫描枪或电子秤将在下次启动 PackDesk 时生效。</translation>
    </message>
</context>
<context>
    <name>StationView</name>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="318"/>
        <source>Scan or type a code, then Enter</source>
        <translation>扫描或输入条码后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="319"/>
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="322"/>
        <source>Park (F8)</source>
        <translation>暂存 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="326"/>
        <source>Bind code…</source>
        <translation>绑定条码…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="327"/>
        <source>Confirm by hand…</source>
        <translation>手工确认…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="343"/>
        <source>Supervisor: let it ship…</source>
        <translation>主管放行…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="358"/>
        <source>Locked. Scan your badge, or sign in with your name and PIN.</source>
        <translation>已锁定。请扫工牌，或输入姓名和密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="363"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="365"/>
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="367"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="468"/>
        <source>That is not a badge. Scan your badge, or sign in.</source>
        <translation>这不是工牌。请扫工牌，或输入姓名和密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="495"/>
        <source>Put the parcel aside.</source>
        <translation>请把包裹放到一边。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="605"/>
        <source>Today: %1 parcels · %2 units · %3/h · %4 caught</source>
        <translation>今日：%1 单 · %2 件 · %3 单/小时 · 拦下 %4 次差错</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="663"/>
        <source>CHECKING</source>
        <translation>核对中</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="664"/>
        <source>All items verified; asking the platform about order %1 before its label prints</source>
        <translation>商品已全部验完；打印面单前正在向平台核对订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="717"/>
        <source>ERROR</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="736"/>
        <source>PARKED</source>
        <translation>已暂存</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="736"/>
        <source>Order %1 set aside at %2: scan it again to go on</source>
        <translation>订单 %1 已暂存（%2）：再扫此订单即可继续</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="740"/>
        <location filename="../../ui/widgets/station_view.py" line="744"/>
        <location filename="../../ui/widgets/station_view.py" line="748"/>
        <source>SCAN ITEMS</source>
        <translation>请扫商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="741"/>
        <source>Order %1 reopened: its label is void, verify every item again</source>
        <translation>订单 %1 已重新打开：原面单作废，请重新验全部商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="744"/>
        <source>Order %1 reopened where it was: %2 verified</source>
        <translation>订单 %1 已按中断前的进度恢复：已验 %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="748"/>
        <source>Order %1 opened: %2 pieces to verify</source>
        <translation>已打开订单 %1：共 %2 件待验</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="752"/>
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="754"/>
        <source>WEIGH IT</source>
        <translation>请称重</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="755"/>
        <source>The scale gives no steady weight: put the parcel on it, then scan %1</source>
        <translation>电子秤没有稳定读数：把包裹放上秤，再扫 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="758"/>
        <location filename="../../ui/widgets/station_view.py" line="762"/>
        <source>WRONG WEIGHT</source>
        <translation>重量不对</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="759"/>
        <source>The parcel weighs %1 g but its items %2 g: check the items, then scan the order again</source>
        <translation>包裹重 %1 克，商品应重 %2 克：请核对商品后再扫订单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="762"/>
        <source>Check the parcel, then scan order %1 to weigh it again</source>
        <translation>请核对包裹，然后扫订单 %1 重新称重</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="766"/>
        <location filename="../../ui/widgets/station_view.py" line="790"/>
        <source>SCAN THE WAYBILL</source>
        <translation>请扫面单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="766"/>
        <source>Scan waybill %1 on this parcel first</source>
        <translation>请先扫描贴在此包裹上的面单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="770"/>
        <source>WRONG ITEM</source>
        <translation>错误商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="770"/>
        <source>%1 is not in this order: put it back</source>
        <translation>%1 不属于这个订单：请放回</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="774"/>
        <source>TOO MANY</source>
        <translation>多扫了</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="774"/>
        <source>%1 needs only %2: take one out</source>
        <translation>%1 只需要 %2 件：请拿出多余的</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="779"/>
        <source>SCAN AN ORDER FIRST</source>
        <translation>请先扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="780"/>
        <source>%1 is a product; scan the order number or waybill first</source>
        <translation>%1 是商品条码；请先扫订单号或面单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="782"/>
        <source>UNKNOWN CODE</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="782"/>
        <source>Nobody knows the code %1</source>
        <translation>无法识别条码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="784"/>
        <source>FINISH THIS ORDER</source>
        <translation>请先完成当前订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="788"/>
        <location filename="../../ui/widgets/station_view.py" line="794"/>
        <location filename="../../ui/widgets/station_view.py" line="796"/>
        <location filename="../../ui/widgets/station_view.py" line="800"/>
        <source>COMPLETE</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="788"/>
        <source>All items verified</source>
        <translation>全部商品已验</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="790"/>
        <source>Stick waybill %1 on the parcel and scan it</source>
        <translation>贴好面单 %1 后扫描确认</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="794"/>
        <source>Waybill printed: %1</source>
        <translation>面单已打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="796"/>
        <source>Verified with waybill %1; recorded as shipped. Next order!</source>
        <translation>已按面单 %1 验货并记录发货，下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="800"/>
        <source>Waybill %1 printed, parcel recorded as shipped. Next order!</source>
        <translation>面单 %1 已打印，包裹已记为发货。请扫下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="806"/>
        <location filename="../../ui/widgets/station_view.py" line="811"/>
        <location filename="../../ui/widgets/station_view.py" line="814"/>
        <source>PRINT FAILED</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="807"/>
        <source>The label of order %1 may have printed in part: answer “did it print?” in the print queue, then scan the order again</source>
        <translation>订单 %1 的面单可能只打了一部分：请在打印队列里回答“打出来了吗？”，然后再扫一次订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="811"/>
        <source>%1 Then scan order %2 again to print its label.</source>
        <translation>%1 然后再扫一次订单 %2 打印面单。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="817"/>
        <source>the order is closed (refunded or cancelled)</source>
        <translation>订单已关闭（已退款或取消）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="818"/>
        <source>the buyer asked for a refund</source>
        <translation>买家申请了退款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="819"/>
        <source>the order is on hold</source>
        <translation>订单已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="820"/>
        <source>the order has already shipped</source>
        <translation>订单已发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="495"/>
        <location filename="../../ui/widgets/station_view.py" line="823"/>
        <source>STOP</source>
        <translation>停！拦截</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="785"/>
        <source>Order %1 is still open (%2): finish it or park it (F8)</source>
        <translation>订单 %1 还没验完（%2）：请先验完或暂存 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="821"/>
        <source>the buyer changed the address after the label was printed</source>
        <translation>面单打印后买家改了地址</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="823"/>
        <source>Do not ship order %1: %2</source>
        <translation>不要发出订单 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="827"/>
        <source>UNDONE</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="827"/>
        <source>Took back one %1</source>
        <translation>撤回一次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="838"/>
        <source>SCAN AN ORDER</source>
        <translation>请扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="838"/>
        <source>Scan the order number or the waybill to start</source>
        <translation>扫描订单号或面单开始验货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="844"/>
        <source>No order open</source>
        <translation>没有打开的订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="877"/>
        <source>Order %1 · %2</source>
        <translation>订单 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="892"/>
        <source>Buyer message: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="894"/>
        <source>Seller memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="949"/>
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
