"""Orders in, shipments back: platform connectors, seller-centre imports, the cache upsert and the outbox worker."""
