export * from './kafka-broker';
export * from './test-infrastructure';
export * from './wait';
export * from './distributed';
export * from './inline-unit-of-work';
export * from './http';
export * from './statements';
export * from './lanes';
