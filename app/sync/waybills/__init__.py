"""The online e-waybill providers (sync layer: they speak to the network): Cainiao through TOP, Pinduoduo,
Kuaidi100. Each implements app.services.waybills.ports.RemoteWaybillProvider; app.wiring registers them by account
kind."""
