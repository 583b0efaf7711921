export * from './database-url';
export * from './embedded-postgres';
export * from './service-data-source';
export * from './snake-naming.strategy';
export * from './database.module';
export * from './pg-listener';
