<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/windows/main_window.py" line="26" />
        <source>PackDesk · packing station</source>
        <translation>PackDesk · 打包验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="31" />
        <source>Station</source>
        <translation>验货台</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="32" />
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="35" />
        <source>Packer: %1</source>
        <translation>打包员：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="36" />
        <source>Station: %1</source>
        <translation>工位：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="38" />
        <source>Printer: %1</source>
        <translation>打印机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/windows/main_window.py" line="38" />
        <source>No printer configured</source>
        <translation>未设置打印机</translation>
    </message>
</context>
<context>
    <name>OrdersTableModel</name>
    <message>
        <location filename="../../ui/models/orders_model.py" line="31" />
        <source>Awaiting shipment</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="32" />
        <source>Partly shipped</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="33" />
        <source>Out of stock</source>
        <translation>缺货待补货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="34" />
        <source>On hold</source>
        <translation>挂起</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="35" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="36" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="46" />
        <source>overdue %1h %2m</source>
        <translation>已超时 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="51" />
        <source>%1h %2m left</source>
        <translation>剩 %1小时%2分</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="62" />
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="63" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="64" />
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="65" />
        <source>Receiver</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="66" />
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="67" />
        <source>Message / memo</source>
        <translation>留言 / 备注</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="68" />
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="69" />
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="109" />
        <source>Buyer: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="112" />
        <source>Memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="137" />
        <source> · refund requested</source>
        <translation> · 退款中</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="153" />
        <source> +%1 more</source>
        <translation> 等%1种</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="157" />
        <source>%1 pcs</source>
        <translation>%1件</translation>
    </message>
    <message>
        <location filename="../../ui/models/orders_model.py" line="170" />
        <source> (printed %1×)</source>
        <translation>（已打%1次）</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="38" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="44" />
        <source>Search order no., buyer, receiver, SKU, tracking no.</source>
        <translation>搜索 订单号、买家、收件人、商家编码、运单号</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="45" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="90" />
        <source> (first %1)</source>
        <translation>（前%1条）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="91" />
        <source>%1 orders</source>
        <translation>%1 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/orders_view.py" line="95" />
        <source>Could not load orders: %1</source>
        <translation>无法加载订单：%1</translation>
    </message>
</context>
<context>
    <name>PackLinesModel</name>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="53" />
        <source>SKU</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="54" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="55" />
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="56" />
        <source>Verified</source>
        <translation>已验</translation>
    </message>
    <message>
        <location filename="../../ui/models/pack_lines_model.py" line="67" />
        <source>refund: do not pack</source>
        <translation>退款中：不要装</translation>
    </message>
</context>
<context>
    <name>StationView</name>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="173" />
        <source>Scan or type a code, then Enter</source>
        <translation>扫描或输入条码后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="174" />
        <source>Undo last scan</source>
        <translation>撤销上一次扫描</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="212" />
        <source>ERROR</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="229" />
        <source>SCAN ITEMS</source>
        <translation>请扫商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="229" />
        <source>Order %1 opened: %2 pieces to verify</source>
        <translation>已打开订单 %1：共 %2 件待验</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="232" />
        <source>OK</source>
        <translation>正确</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="234" />
        <source>WRONG ITEM</source>
        <translation>错误商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="234" />
        <source>%1 is not in this order: put it back</source>
        <translation>%1 不属于这个订单：请放回</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="236" />
        <source>TOO MANY</source>
        <translation>多扫了</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="236" />
        <source>%1 needs only %2: take one out</source>
        <translation>%1 只需要 %2 件：请拿出多余的</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="240" />
        <source>SCAN AN ORDER FIRST</source>
        <translation>请先扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="241" />
        <source>%1 is a product; scan the order number or waybill first</source>
        <translation>%1 是商品条码；请先扫订单号或面单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="242" />
        <source>UNKNOWN CODE</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="242" />
        <source>Nobody knows the code %1</source>
        <translation>无法识别条码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="244" />
        <source>FINISH THIS ORDER</source>
        <translation>请先完成当前订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="244" />
        <source>Order %1 is still open (%2)</source>
        <translation>订单 %1 还没验完（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="247" />
        <location filename="../../ui/widgets/station_view.py" line="249" />
        <location filename="../../ui/widgets/station_view.py" line="251" />
        <source>COMPLETE</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="247" />
        <source>All items verified</source>
        <translation>全部商品已验</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="249" />
        <source>Waybill printed: %1</source>
        <translation>面单已打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="251" />
        <source>Waybill %1 printed, parcel recorded as shipped. Next order!</source>
        <translation>面单 %1 已打印，包裹已记为发货。请扫下一单！</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="254" />
        <source>PRINT FAILED</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="257" />
        <source>the order is closed (refunded or cancelled)</source>
        <translation>订单已关闭（已退款或取消）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="258" />
        <source>the buyer asked for a refund</source>
        <translation>买家申请了退款</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="259" />
        <source>the order is on hold</source>
        <translation>订单已挂起</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="260" />
        <source>the order has already shipped</source>
        <translation>订单已发货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="262" />
        <source>STOP</source>
        <translation>停！拦截</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="262" />
        <source>Do not ship order %1: %2</source>
        <translation>不要发出订单 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="265" />
        <source>UNDONE</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="265" />
        <source>Took back one %1</source>
        <translation>撤回一次 %1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="275" />
        <source>SCAN AN ORDER</source>
        <translation>请扫订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="275" />
        <source>Scan the order number or the waybill to start</source>
        <translation>扫描订单号或面单开始验货</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="281" />
        <source>No order open</source>
        <translation>没有打开的订单</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="287" />
        <source>Order %1 · %2</source>
        <translation>订单 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="296" />
        <source>Buyer message: %1</source>
        <translation>买家留言：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="298" />
        <source>Seller memo: %1</source>
        <translation>卖家备注：%1</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/station_view.py" line="317" />
        <source>Ship by %1 (%2)</source>
        <translation>发货截止 %1（%2）</translation>
    </message>
</context>
</TS>